import { App, Col, Form, Input, Modal, Row, Select, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { Locale } from '../../../common/locale.js';
import type { UnitType } from '../../../common/org.js';
import type { PlanVersion, TemplateId } from '../../../common/schemas/plans.js';
import { plansApi, unitsApi } from '../../api/endpoints.js';
import { localeOptions, templateOptions } from '../../components/labels.js';
import { useFormSubmit } from '../../components/useFormSubmit.js';
import { requiredRule } from '../../components/rules.js';
import { UnitPicker } from '../../components/UnitPicker.js';
import { useT } from '../../i18n/index.js';
import { DateField } from '../../components/date-fields/DateField.js';

interface Values {
  unitId: string;
  template: TemplateId;
  locale: Locale;
  period?: { name: string; startDate: string; endDate: string };
}

/** The special-period templates: they ask for the period's name and dates. */
const isSpecialPeriod = (template: TemplateId | undefined) =>
  template === 'special_period' || template === 'special_period_community';

/** The template written for this kind of unit. */
export function suggestedTemplate(type: UnitType): TemplateId {
  switch (type) {
    case 'kindergarten':
      return 'kindergarten';
    case 'community':
    case 'street_office':
      return 'community';
    default:
      return 'school';
  }
}

/**
 * The special-period template written for this kind of unit: a community's speaks of residents and the street office.
 */
export function suggestedSpecialTemplate(type: UnitType): TemplateId {
  return suggestedTemplate(type) === 'community' ? 'special_period_community' : 'special_period';
}

interface Props {
  open: boolean;
  defaultUnitId: string | undefined;
  onClose: () => void;
  onCreated: (plan: PlanVersion) => void;
}

/** Starts a plan from a template: unit, template (the unit's own suggested), language, special period. */
export function NewPlanModal({ open, defaultUnitId, onClose, onCreated }: Props) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [suggested, setSuggested] = useState<TemplateId>();
  const unitId = Form.useWatch('unitId', form);
  const template = Form.useWatch('template', form);

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue({ unitId: defaultUnitId });
  }, [open, defaultUnitId, form]);

  useEffect(() => {
    if (!unitId) return setSuggested(undefined);
    let stale = false;
    unitsApi.get(unitId).then(
      (unit) => {
        if (stale) return;
        const fit = suggestedTemplate(unit.type);
        setSuggested(fit);
        const chosen = form.getFieldValue('template') as TemplateId | undefined;
        // A special period keeps its kind and takes the wording written for this kind of unit.
        form.setFieldsValue({ template: isSpecialPeriod(chosen) ? suggestedSpecialTemplate(unit.type) : fit });
        form.setFieldsValue({ locale: unit.locale });
      },
      () => undefined,
    );
    return () => {
      stale = true;
    };
  }, [unitId, form]);

  const { busy, submit } = useFormSubmit(form, async (values: Values) => {
    const period =
      isSpecialPeriod(values.template) && values.period
        ? {
            name: values.period.name.trim(),
            startDate: values.period.startDate,
            endDate: values.period.endDate || null,
          }
        : undefined;
    const plan = await plansApi.create({
      unitId: values.unitId,
      template: values.template,
      locale: values.locale,
      period,
    });
    message.success(t('planNew.created', { title: plan.title }));
    onCreated(plan);
  });

  const options = templateOptions(t).map((o) => ({
    ...o,
    label: (
      <span>
        {o.label}{' '}
        {o.value === suggested && (
          <Tag color="green" style={{ marginInlineStart: 4 }}>
            {t('planNew.suggested')}
          </Tag>
        )}
      </span>
    ),
  }));

  return (
    <Modal
      open={open}
      title={t('planNew.title')}
      okText={t('common.create')}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={onClose}
      forceRender
    >
      <Typography.Paragraph type="secondary">{t('planNew.intro')}</Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={submit} data-testid="plan-new-form">
        <Form.Item name="unitId" label={t('planNew.unit')} rules={[requiredRule(t, t('planNew.unit'), true)]}>
          <UnitPicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="template" label={t('planNew.template')} rules={[requiredRule(t, t('planNew.template'), true)]}>
          <Select options={options} />
        </Form.Item>
        <Form.Item name="locale" label={t('planNew.locale')} rules={[requiredRule(t, t('planNew.locale'), true)]}>
          <Select options={localeOptions(t)} />
        </Form.Item>
        {isSpecialPeriod(template) && (
          <>
            <Form.Item
              name={['period', 'name']}
              label={t('planNew.periodName')}
              rules={[requiredRule(t, t('planNew.periodName'))]}
            >
              <Input maxLength={200} placeholder={t('planNew.periodNamePlaceholder')} />
            </Form.Item>
            <Row gutter={12}>
              <Col xs={24} sm={12}>
                <Form.Item
                  name={['period', 'startDate']}
                  label={t('planNew.startDate')}
                  rules={[requiredRule(t, t('planNew.startDate'), true)]}
                >
                  <DateField />
                </Form.Item>
              </Col>
              <Col xs={24} sm={12}>
                <Form.Item
                  name={['period', 'endDate']}
                  label={t('planNew.endDate')}
                  dependencies={[['period', 'startDate']]}
                  rules={[
                    requiredRule(t, t('planNew.endDate'), true),
                    ({ getFieldValue }) => ({
                      validator: (_, end: string | undefined) => {
                        const start = getFieldValue(['period', 'startDate']) as string | undefined;
                        return !end || !start || end >= start
                          ? Promise.resolve()
                          : Promise.reject(new Error(t('planNew.endBeforeStart')));
                      },
                    }),
                  ]}
                >
                  <DateField />
                </Form.Item>
              </Col>
            </Row>
          </>
        )}
      </Form>
    </Modal>
  );
}
