import { Alert, Form, Input, Modal, Segmented, Select, Typography } from 'antd';
import { useUnitPeople } from '../../components/useUnitPeople.js';
import { useFormSubmit } from '../../components/useFormSubmit.js';
import { drillsApi, RISKS, type Drill, type Risk } from './api.js';
import { useDrillText } from './i18n.js';
import { DateTimeField } from '../../components/date-fields/DateTimeField.js';
import { useFieldDefault, useUnitMoment } from '../../components/date-fields/useUnitMoment.js';

interface Values {
  title: string;
  ownerPersonId?: string;
  dueAt: string;
  risk: Risk;
}

interface Props {
  drill: Drill;
  /** The problem the drill found, as recorded. */
  problem: string | null;
  onClose: () => void;
  onCreated: (problem: string) => void;
}

/**
 * Turns one problem a drill found into a rectification task: an owner, a deadline, a risk level.
 * The task lives in the inspections' ledger; its refusals show at the fields they name.
 */
export function RectifyModal({ drill, problem, onClose, onCreated }: Props) {
  const dt = useDrillText();
  const [form] = Form.useForm<Values>();
  const { people, loading } = useUnitPeople(problem ? drill.unitId : undefined);
  // In seven days at 17:00 on the unit's clock: a fair first deadline for fixing what a drill showed.
  useFieldDefault(form, 'dueAt', useUnitMoment(drill.unitId, 7, '17:00'));

  const { busy, submit, failure } = useFormSubmit(
    form,
    async (values: Values) => {
      if (!problem) return;
      await drillsApi.createTask({
        unitId: drill.unitId,
        title: values.title.trim(),
        ownerPersonId: values.ownerPersonId ?? '',
        dueAt: values.dueAt,
        risk: values.risk,
        source: { kind: 'drill', drillId: drill.id, problem },
      });
      onCreated(problem);
    },
    { inline: true },
  );

  return (
    <Modal
      open={problem !== null}
      title={dt('task.title')}
      okText={dt('task.create')}
      cancelText={dt('common.cancel')}
      confirmLoading={busy}
      okButtonProps={{ id: 'task-ok' }}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary" style={{ marginBottom: 12 }}>
        {dt('task.intro')}
      </Typography.Paragraph>
      <Form<Values>
        form={form}
        layout="vertical"
        requiredMark={false}
        disabled={busy}
        onFinish={(values) => void submit(values)}
        initialValues={{ title: (problem ?? '').slice(0, 200), risk: 'medium' }}
        preserve={false}
      >
        <Form.Item
          name="title"
          label={dt('task.name')}
          rules={[{ required: true, whitespace: true, message: dt('form.required', { field: dt('task.name') }) }]}
        >
          <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={200} />
        </Form.Item>
        <Form.Item
          name="ownerPersonId"
          label={dt('task.owner')}
          rules={[{ required: true, message: dt('form.choose', { field: dt('task.owner') }) }]}
        >
          <Select
            loading={loading}
            placeholder={dt('task.ownerPlaceholder')}
            showSearch={{ optionFilterProp: 'search' }}
            options={people.map((p) => ({
              value: p.id,
              label: p.hint ? `${p.name} · ${p.hint}` : p.name,
              search: p.name,
            }))}
            data-testid="task-owner"
          />
        </Form.Item>
        <Form.Item
          name="dueAt"
          label={dt('task.dueAt')}
          rules={[{ required: true, message: dt('form.required', { field: dt('task.dueAt') }) }]}
        >
          <DateTimeField unitId={drill.unitId} min="now" />
        </Form.Item>
        <Form.Item name="risk" label={dt('task.risk')}>
          <Segmented<Risk> block options={RISKS.map((value) => ({ value, label: dt(`risk.${value}`) }))} />
        </Form.Item>
        {failure && <Alert type="error" showIcon title={failure} data-testid="task-error" />}
      </Form>
    </Modal>
  );
}
