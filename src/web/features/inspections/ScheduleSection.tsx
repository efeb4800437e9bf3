import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Empty,
  Form,
  List,
  Modal,
  Popconfirm,
  Segmented,
  Select,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import type { Role } from '../../../common/org.js';
import { applyProblem } from '../../components/form-errors.js';
import { roleLabel, roleOptions } from '../../components/labels.js';
import { useResource } from '../../components/useResource.js';
import { useT } from '../../i18n/index.js';
import { CADENCES, inspectionsApi, type Cadence, type ChecklistSummary } from './api.js';
import { useInspectionText } from './i18n.js';
import { useUnitToday } from '../../components/useUnitToday.js';
import { DateField } from '../../components/date-fields/DateField.js';

interface Values {
  checklistId: string;
  cadence: Cadence;
  role: Role;
  nextDueDate: string;
}

/** The unit's inspection schedule: which checklist, how often, by whom, next when. */
export function ScheduleSection({
  unitId,
  checklists,
  canManage,
}: {
  unitId: string;
  checklists: ChecklistSummary[];
  canManage: boolean;
}) {
  const tn = useInspectionText();
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [adding, setAdding] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const schedules = useResource(() => inspectionsApi.schedules(unitId), [unitId]);
  // The first due date defaults to the unit's today, from the server, in the unit's zone.
  const today = useUnitToday(unitId).data?.today;

  const act = async (work: () => Promise<unknown>) => {
    try {
      await work();
      schedules.reload();
    } catch (error) {
      message.error(applyProblem(null, error));
    }
  };

  const submit = async (values: Values) => {
    setBusy(true);
    setFailure(null);
    try {
      await inspectionsApi.addSchedule({ unitId, ...values });
      message.success(tn('schedule.saved'));
      setAdding(false);
      schedules.reload();
    } catch (error) {
      setFailure(applyProblem(form, error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card
      size="small"
      title={tn('schedule.title')}
      extra={
        canManage &&
        checklists.length > 0 && (
          <Button icon={<PlusOutlined />} onClick={() => (form.resetFields(), setFailure(null), setAdding(true))}>
            {tn('schedule.add')}
          </Button>
        )
      }
      style={{ marginTop: 16 }}
    >
      <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
        {tn('schedule.intro')}
      </Typography.Paragraph>
      {(schedules.data ?? []).length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={tn('schedule.none')} />
      ) : (
        <List
          size="small"
          dataSource={schedules.data}
          renderItem={(s) => (
            <List.Item
              data-testid="schedule-row"
              actions={
                canManage
                  ? [
                      <Button
                        key="toggle"
                        size="small"
                        onClick={() => void act(() => inspectionsApi.updateSchedule(s.id, { active: !s.active }))}
                      >
                        {s.active ? tn('schedule.pause') : tn('schedule.resume')}
                      </Button>,
                      <Popconfirm
                        key="remove"
                        title={tn('schedule.removeConfirm')}
                        onConfirm={() => void act(() => inspectionsApi.removeSchedule(s.id))}
                      >
                        <Button size="small" danger icon={<DeleteOutlined />} aria-label={tn('schedule.remove')} />
                      </Popconfirm>,
                    ]
                  : []
              }
            >
              <List.Item.Meta
                title={
                  <span>
                    {s.checklistName} {!s.active && <Tag>{tn('schedule.off')}</Tag>}
                  </span>
                }
                description={tn('schedule.line', {
                  cadence: tn(`cadence.${s.cadence}`),
                  role: roleLabel(t, s.role),
                  date: s.nextDueDate,
                })}
              />
            </List.Item>
          )}
        />
      )}
      <Modal
        open={adding}
        title={tn('schedule.add')}
        onCancel={() => setAdding(false)}
        onOk={() => form.submit()}
        confirmLoading={busy}
        okText={tn('edit.save')}
        cancelText={tn('common.cancel')}
        destroyOnHidden
      >
        <Form<Values>
          form={form}
          layout="vertical"
          requiredMark={false}
          initialValues={{
            checklistId: checklists[0]?.id,
            cadence: 'weekly',
            role: 'safety_officer',
            nextDueDate: today,
          }}
          onFinish={(values) => void submit(values)}
        >
          <Form.Item name="checklistId" label={tn('schedule.checklist')} rules={[{ required: true }]}>
            <Select options={checklists.map((c) => ({ value: c.id, label: c.name }))} />
          </Form.Item>
          <Form.Item name="cadence" label={tn('schedule.cadence')}>
            <Segmented block options={CADENCES.map((c) => ({ value: c, label: tn(`cadence.${c}`) }))} />
          </Form.Item>
          <Form.Item name="role" label={tn('schedule.role')}>
            <Select options={roleOptions(t).filter((o) => o.value !== 'admin')} />
          </Form.Item>
          <Form.Item name="nextDueDate" label={tn('schedule.nextDue')} rules={[{ required: true }]}>
            <DateField min={today} />
          </Form.Item>
          {failure && <Alert type="error" showIcon title={failure} />}
        </Form>
      </Modal>
    </Card>
  );
}
