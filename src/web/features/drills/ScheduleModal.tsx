import { Alert, Form, Input, Modal, Select } from 'antd';
import type { DrillType } from '../../../common/org.js';
import { drillTypeLabel, drillTypeOptions } from '../../components/labels.js';
import { useFormSubmit } from '../../components/useFormSubmit.js';
import { UnitPicker } from '../../components/UnitPicker.js';
import { useT } from '../../i18n/index.js';
import { drillsApi, type Drill } from './api.js';
import { addDays } from '../../components/days.js';
import { useUnitToday } from '../../components/useUnitToday.js';
import { useDrillText } from './i18n.js';
import { DateField } from '../../components/date-fields/DateField.js';

interface Values {
  unitId?: string;
  type?: DrillType;
  plannedDate: string;
  title: string;
}

/** Puts a drill on the calendar: which unit, what kind, which day. */
export function ScheduleModal({
  open,
  defaultUnitId,
  onClose,
  onScheduled,
}: {
  open: boolean;
  defaultUnitId?: string;
  onClose: () => void;
  onScheduled: (drill: Drill) => void;
}) {
  const t = useT();
  const dt = useDrillText();
  const [form] = Form.useForm<Values>();
  // A week from the unit's today (the server's, in the unit's zone) unless another date is chosen.
  const unitDay = useUnitToday(defaultUnitId).data;

  const { busy, submit, failure } = useFormSubmit(
    form,
    async (values: Values) => {
      onScheduled(
        await drillsApi.schedule({
          unitId: values.unitId!,
          type: values.type!,
          plannedDate: values.plannedDate,
          title: values.title.trim(),
        }),
      );
    },
    { inline: true },
  );

  return (
    <Modal
      open={open}
      title={dt('schedule.title')}
      okText={dt('schedule.submit')}
      cancelText={dt('common.cancel')}
      confirmLoading={busy}
      okButtonProps={{ id: 'schedule-ok' }}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form<Values>
        form={form}
        layout="vertical"
        requiredMark={false}
        disabled={busy}
        preserve={false}
        initialValues={{ unitId: defaultUnitId, plannedDate: unitDay ? addDays(unitDay.today, 7) : undefined }}
        onFinish={(values) => void submit(values)}
        data-testid="schedule-form"
      >
        <Form.Item
          name="unitId"
          label={dt('form.unit')}
          rules={[{ required: true, message: dt('form.choose', { field: dt('form.unit') }) }]}
        >
          <UnitPicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item
          name="type"
          label={dt('form.type')}
          rules={[{ required: true, message: dt('form.choose', { field: dt('form.type') }) }]}
        >
          <Select
            options={drillTypeOptions(t)}
            placeholder={dt('form.type')}
            onChange={(type: DrillType) => {
              if (!form.getFieldValue('title')) form.setFieldsValue({ title: drillTypeLabel(t, type) });
            }}
            data-testid="schedule-type"
          />
        </Form.Item>
        <Form.Item
          name="plannedDate"
          label={dt('form.plannedDate')}
          rules={[{ required: true, message: dt('form.required', { field: dt('form.plannedDate') }) }]}
        >
          <DateField data-testid="planned-date" />
        </Form.Item>
        <Form.Item
          name="title"
          label={dt('form.title')}
          rules={[{ required: true, whitespace: true, message: dt('form.required', { field: dt('form.title') }) }]}
        >
          <Input maxLength={100} data-testid="schedule-title" />
        </Form.Item>
        {failure && <Alert type="error" showIcon title={failure} />}
      </Form>
    </Modal>
  );
}
