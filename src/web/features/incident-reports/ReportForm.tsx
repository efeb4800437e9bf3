import { Form, Input, InputNumber, Segmented, Select, type FormInstance } from 'antd';
import { INCIDENT_CLASSES } from '../../../common/incident-classes.js';
import { requiredFields, type ReportField } from '../../../common/report-requirements.js';
import {
  CAUSE_STATUSES,
  REPORT_SHORT_MAX,
  REPORT_TEXT_MAX,
  type ReportContent,
} from '../../../common/schemas/incident-reports.js';
import { useLocale } from '../../i18n/index.js';
import type { ReportView } from './api.js';
import { CasualtyGrid } from './CasualtyGrid.js';
import { useReportText } from './i18n.js';
import { DateTimeField } from '../../components/date-fields/DateTimeField.js';

/** The form's values: the report's content, with no time as an empty field rather than null. */
export interface FormValues {
  content: Omit<ReportContent, 'occurredAt'> & { occurredAt: string };
}

export const toFormValues = (content: ReportContent): FormValues => ({
  content: { ...content, occurredAt: content.occurredAt ?? '' },
});
export const fromFormValues = (values: FormValues): ReportContent => ({
  ...values.content,
  occurredAt: values.content.occurredAt || null,
});

/**
 * The stage's fields, phone first: facts at the top, the cause with its status (a cause may be
 * "under investigation"), then measures and what comes next. Fields the stage requires are marked.
 */
export function ReportForm({
  form,
  report,
  initial,
  disabled,
}: {
  form: FormInstance<FormValues>;
  report: ReportView;
  initial: ReportContent;
  disabled: boolean;
}) {
  const rt = useReportText();
  const { locale } = useLocale();
  const content = Form.useWatch('content', form) as FormValues['content'] | undefined;
  const needed = new Set<ReportField>(
    requiredFields(
      report.stage,
      report.incident.type,
      report.incident.severity,
      content ? fromFormValues({ content }) : initial,
    ),
  );
  const item = (field: ReportField, label = rt(`field.${field}`)) => ({
    name: ['content', field],
    label,
    required: needed.has(field),
  });
  const long = (field: ReportField, label?: string, rows = 3) => (
    <Form.Item {...item(field, label)}>
      <Input.TextArea rows={rows} maxLength={REPORT_TEXT_MAX} style={{ fontSize: 16 }} data-testid={`field-${field}`} />
    </Form.Item>
  );
  const short = (field: ReportField) => (
    <Form.Item {...item(field)}>
      <Input maxLength={REPORT_SHORT_MAX} data-testid={`field-${field}`} />
    </Form.Item>
  );
  const first = report.stage === 'first' || report.stage === 'final';
  return (
    <Form
      form={form}
      layout="vertical"
      initialValues={toFormValues(initial)}
      disabled={disabled}
      data-testid="report-form"
      className="steady-report-form"
    >
      <Form.Item {...item('occurredAt')}>
        <DateTimeField unitId={report.unitId} max="now" data-testid="field-occurredAt" />
      </Form.Item>
      {short('place')}
      <Form.Item {...item('classCode')}>
        <Select
          showSearch={{ optionFilterProp: 'label' }}
          data-testid="field-classCode"
          options={INCIDENT_CLASSES.map((c) => ({
            value: c.code,
            label: `${locale === 'en' ? c.en : c.zh}（${c.code}）`,
          }))}
        />
      </Form.Item>
      <Form.Item {...item('severity')}>
        <Select
          options={[1, 2, 3, 4].map((n) => ({ value: n, label: rt(`severity.${n as 1 | 2 | 3 | 4}`) }))}
          data-testid="field-severity"
        />
      </Form.Item>
      {short('source')}
      <Form.Item name={['content', 'casualties']} label={rt('field.casualties')}>
        <CasualtyGrid value={content?.casualties ?? initial.casualties} disabled={disabled} />
      </Form.Item>
      {(needed.has('affected') || initial.affected !== null) && (
        <Form.Item {...item('affected')}>
          <InputNumber
            min={0}
            precision={0}
            inputMode="numeric"
            style={{ width: '100%' }}
            data-testid="field-affected"
          />
        </Form.Item>
      )}
      {long('whatHappened', rt(first ? 'field.whatHappened' : 'field.progress'), 4)}
      <Form.Item name={['content', 'causes', 'status']} label={rt('field.causeStatus')}>
        <Segmented
          options={CAUSE_STATUSES.map((s) => ({ value: s, label: rt(`cause.${s}`) }))}
          data-testid="field-causeStatus"
        />
      </Form.Item>
      <Form.Item
        name={['content', 'causes', 'text']}
        label={rt('field.causes')}
        required={needed.has('causes') || content?.causes.status !== 'under_investigation'}
      >
        <Input.TextArea rows={2} maxLength={REPORT_TEXT_MAX} style={{ fontSize: 16 }} data-testid="field-causes" />
      </Form.Item>
      {long('measures')}
      {short('authoritiesInformed')}
      {short('leaderOnSite')}
      {long('trend', undefined, 2)}
      {long('nextSteps', undefined, 2)}
      {short('reporterName')}
      {short('reporterPhone')}
    </Form>
  );
}
