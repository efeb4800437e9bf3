import { Form, InputNumber, Typography } from 'antd';
import type { ReportStageRules } from '../../../../common/schemas/report-stage-rules.js';
import { useReportText, type ReportsKey } from '../../incident-reports/i18n.js';
import { problemProps, type SectionProps } from './section-props.js';
import { TimeField } from '../../../components/date-fields/TimeField.js';

const NUMBERS: [keyof ReportStageRules, number, number][] = [
  ['verbalMinutes', 1, 1440],
  ['firstMinutes', 1, 1440],
  ['finalDays', 1, 60],
  ['forwardMinutes', 1, 1440],
  ['supplementDays', 1, 365],
  ['supplementDaysRoadOrFire', 1, 365],
  ['supplementReminderHours', 1, 168],
];

/** 信息报送时限: the time limits of the verbal report, the first report, daily follow-ups, the final report and 补报. */
export function ReportStagesSection({ draft, setContent, readOnly, problemsAt }: SectionProps) {
  const rt = useReportText();
  const rules = draft.content.reportStages;
  const set = (patch: Partial<ReportStageRules>) => setContent({ reportStages: { ...rules, ...patch } });
  const at = (key: keyof ReportStageRules) => problemProps(problemsAt(`content.reportStages.${key}`));
  return (
    <Form layout="vertical" component="div" data-testid="report-stages-editor">
      <Typography.Paragraph type="secondary">{rt('stages.intro')}</Typography.Paragraph>
      {NUMBERS.map(([key, min, max]) => (
        <Form.Item key={key} label={rt(`stages.${key}` as ReportsKey)} htmlFor={`stages-${key}`} {...at(key)}>
          <InputNumber
            id={`stages-${key}`}
            min={min}
            max={max}
            precision={0}
            value={rules[key] as number}
            disabled={readOnly}
            inputMode="numeric"
            onChange={(n) => typeof n === 'number' && set({ [key]: n })}
            style={{ width: 160 }}
          />
        </Form.Item>
      ))}
      <Form.Item label={rt('stages.followUpTime')} htmlFor="stages-followUpTime" {...at('followUpTime')}>
        <TimeField
          id="stages-followUpTime"
          value={rules.followUpTime}
          disabled={readOnly}
          onChange={(v) => v && set({ followUpTime: v })}
          style={{ width: 160 }}
        />
      </Form.Item>
    </Form>
  );
}
