import { App, Form, Input, InputNumber, Modal, Select } from 'antd';
import { useEffect } from 'react';
import type { Locale } from '../../../common/locale.js';
import type { UnitType } from '../../../common/org.js';
import { ENROLMENT_MAX, type Unit } from '../../../common/schemas/units.js';
import { NAME_MAX } from '../../../common/limits.js';
import { unitsApi } from '../../api/endpoints.js';
import { localeOptions, unitTypeOptions } from '../../components/labels.js';
import { useFormSubmit } from '../../components/useFormSubmit.js';
import { requiredRule } from '../../components/rules.js';
import { TimeZoneSelect } from '../../components/TimeZoneSelect.js';
import { useT } from '../../i18n/index.js';
import { likelyChildType } from './unit-defaults.js';

export type UnitFormTarget = { kind: 'create'; parent: Unit } | { kind: 'edit'; unit: Unit };

interface UnitFormValues {
  name: string;
  type: UnitType;
  timeZone: string;
  locale: Locale;
  /** Pupils enrolled (schools and kindergartens); the guards needed follow from it. */
  enrolment?: number | null;
}

/** Adds a unit under `parent`, or edits `unit`. Time zone and language start as the parent's. */
export function UnitFormModal({
  target,
  onClose,
  onSaved,
}: {
  target: UnitFormTarget | null;
  onClose: () => void;
  onSaved: (unit: Unit) => void;
}) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<UnitFormValues>();

  useEffect(() => {
    if (!target) return;
    form.resetFields();
    if (target.kind === 'create') {
      const { parent } = target;
      form.setFieldsValue({ type: likelyChildType(parent.type), timeZone: parent.timeZone, locale: parent.locale });
    } else {
      const { name, type, timeZone, locale, enrolment } = target.unit;
      form.setFieldsValue({ name, type, timeZone, locale, enrolment });
    }
  }, [target, form]);

  const { busy, submit } = useFormSubmit(form, async (values: UnitFormValues) => {
    if (!target) return;
    const saved =
      target.kind === 'create'
        ? await unitsApi.create({
            parentId: target.parent.id,
            ...values,
            enrolment: values.enrolment ?? undefined,
            name: values.name.trim(),
          })
        : await unitsApi.update(target.unit.id, { ...values, name: values.name.trim() });
    message.success(target.kind === 'create' ? t('units.created', { name: saved.name }) : t('common.saved'));
    onSaved(saved);
  });

  const title = !target
    ? ''
    : target.kind === 'create'
      ? t('units.addTitle', { parent: target.parent.name })
      : t('units.editTitle', { name: target.unit.name });

  return (
    <Modal
      open={target !== null}
      title={title}
      okText={target?.kind === 'create' ? t('common.create') : t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={onClose}
      forceRender
    >
      <Form form={form} layout="vertical" onFinish={submit} data-testid="unit-form">
        <Form.Item name="name" label={t('unit.name')} rules={[requiredRule(t, t('unit.name'))]}>
          <Input maxLength={NAME_MAX} autoFocus />
        </Form.Item>
        <Form.Item name="type" label={t('unit.type')} rules={[requiredRule(t, t('unit.type'), true)]}>
          <Select options={unitTypeOptions(t)} />
        </Form.Item>
        <Form.Item name="timeZone" label={t('unit.timeZone')} rules={[requiredRule(t, t('unit.timeZone'), true)]}>
          <TimeZoneSelect />
        </Form.Item>
        <Form.Item name="locale" label={t('unit.locale')} rules={[requiredRule(t, t('unit.locale'), true)]}>
          <Select options={localeOptions(t)} />
        </Form.Item>
        <Form.Item name="enrolment" label={t('unit.enrolment')} extra={t('unit.enrolmentHint')}>
          <InputNumber min={0} max={ENROLMENT_MAX} precision={0} style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
