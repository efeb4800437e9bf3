import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Checkbox, Empty, Flex, Form, InputNumber, Select } from 'antd';
import { DRILL_PERIODS, DRILL_TYPES, type DrillPeriod } from '../../../../common/org.js';
import { drillTypeOptions } from '../../../components/labels.js';
import { useT } from '../../../i18n/index.js';
import { replaced, without } from '../plan-model.js';
import { problemProps, type SectionProps } from './section-props.js';
import { TimeField } from '../../../components/date-fields/TimeField.js';

/** 每日报告: whether daily (zero) reports are required, and by what time. */
export function DailyReportSection({ draft, setContent, readOnly, problemsAt }: SectionProps) {
  const t = useT();
  const rules = draft.content.dailyReport;
  const set = (patch: Partial<typeof rules>) => setContent({ dailyReport: { ...rules, ...patch } });
  return (
    <Form layout="vertical" component="div">
      <Alert type="info" showIcon title={t('dailyReport.hint')} style={{ marginBottom: 16 }} />
      <Form.Item {...problemProps(problemsAt('content.dailyReport.required'))}>
        <Checkbox checked={rules.required} disabled={readOnly} onChange={(e) => set({ required: e.target.checked })}>
          {t('dailyReport.required')}
        </Checkbox>
      </Form.Item>
      <Form.Item
        label={t('dailyReport.deadline')}
        htmlFor="daily-deadline"
        {...problemProps(problemsAt('content.dailyReport.deadline'))}
      >
        <TimeField
          id="daily-deadline"
          value={rules.deadline}
          disabled={readOnly}
          onChange={(v) => v && set({ deadline: v })}
          style={{ width: 160 }}
        />
      </Form.Item>
    </Form>
  );
}

/** 应急演练: how many drills of each type per term. */
export function DrillsSection({ draft, setContent, readOnly, problemsAt }: SectionProps) {
  const t = useT();
  const drills = draft.content.drills;
  const set = (next: typeof drills) => setContent({ drills: next });
  const unused = DRILL_TYPES.filter((type) => !drills.some((d) => d.type === type));
  return (
    <Form layout="vertical" component="div">
      {drills.length === 0 && <Empty description={t('drills.empty')} image={Empty.PRESENTED_IMAGE_SIMPLE} />}
      {drills.map((drill, i) => (
        <Flex key={i} gap={8} align="start">
          <Form.Item
            label={i === 0 ? t('drills.type') : undefined}
            style={{ flex: 2, minWidth: 0, marginBottom: 12 }}
            {...problemProps(problemsAt(`content.drills.${i}.type`))}
          >
            <Select
              aria-label={t('drills.type')}
              value={drill.type}
              disabled={readOnly}
              options={drillTypeOptions(t).filter((o) => o.value === drill.type || unused.includes(o.value))}
              onChange={(type) => set(replaced(drills, i, { ...drill, type }))}
            />
          </Form.Item>
          <Form.Item
            label={i === 0 ? t('drills.perTerm') : undefined}
            style={{ flex: 1, minWidth: 0, marginBottom: 12 }}
            {...problemProps(problemsAt(`content.drills.${i}.perTerm`))}
          >
            <InputNumber
              aria-label={t('drills.perTerm')}
              min={0}
              max={50}
              precision={0}
              value={drill.perTerm}
              disabled={readOnly}
              onChange={(v) => set(replaced(drills, i, { ...drill, perTerm: v ?? 0 }))}
              style={{ width: '100%' }}
            />
          </Form.Item>
          <Form.Item
            label={i === 0 ? t('drills.every') : undefined}
            style={{ flex: 1.3, minWidth: 0, marginBottom: 12 }}
            {...problemProps(problemsAt(`content.drills.${i}.every`))}
          >
            <Select
              aria-label={t('drills.every')}
              value={drill.every ?? ''}
              disabled={readOnly}
              options={[
                { value: '', label: t('drills.every.guidance') },
                ...DRILL_PERIODS.map((p) => ({ value: p, label: t(`drills.every.${p}`) })),
              ]}
              onChange={(every) =>
                set(
                  replaced(drills, i, {
                    type: drill.type,
                    perTerm: drill.perTerm,
                    ...(every ? { every: every as DrillPeriod } : {}),
                  }),
                )
              }
            />
          </Form.Item>
          {!readOnly && (
            <Button
              type="text"
              danger
              aria-label={t('common.remove')}
              icon={<DeleteOutlined />}
              style={{ marginTop: i === 0 ? 30 : 0 }}
              onClick={() => set(without(drills, i))}
            />
          )}
        </Flex>
      ))}
      {!readOnly && unused.length > 0 && (
        <Button
          type="dashed"
          block
          icon={<PlusOutlined />}
          onClick={() => set([...drills, { type: unused[0]!, perTerm: 1 }])}
        >
          {t('drills.add')}
        </Button>
      )}
    </Form>
  );
}

/** 访客记录: how long the gate's visitor records are kept. */
export function VisitorsSection({ draft, setContent, readOnly, problemsAt }: SectionProps) {
  const t = useT();
  return (
    <Form layout="vertical" component="div">
      <Alert type="info" showIcon title={t('visitors.hint')} style={{ marginBottom: 16 }} />
      <Form.Item
        label={t('visitors.retention')}
        htmlFor="visitor-retention"
        {...problemProps(problemsAt('content.visitorRetentionDays'))}
      >
        <InputNumber
          id="visitor-retention"
          min={1}
          max={3650}
          precision={0}
          value={draft.content.visitorRetentionDays}
          disabled={readOnly}
          onChange={(v) => typeof v === 'number' && setContent({ visitorRetentionDays: v })}
          style={{ width: 160 }}
        />
      </Form.Item>
    </Form>
  );
}
