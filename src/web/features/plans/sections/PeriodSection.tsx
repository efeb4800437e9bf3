import { Alert, Checkbox, Col, Form, Input, Row } from 'antd';
import type { SpecialPeriod } from '../../../../common/schemas/plan-content.js';
import { useT } from '../../../i18n/index.js';
import { problemProps, type SectionProps } from './section-props.js';
import { DateField } from '../../../components/date-fields/DateField.js';

/** 特殊时期: the period's name and dates, and whether the units below follow the plan too. */
export function PeriodSection({ draft, setDraft, readOnly, problemsAt }: SectionProps) {
  const t = useT();
  const period: SpecialPeriod = draft.period ?? { name: '', startDate: '', endDate: null };
  const set = (patch: Partial<SpecialPeriod>) => setDraft({ period: { ...period, ...patch } });
  return (
    <Form layout="vertical" component="div">
      <Alert type="info" showIcon title={t('period.hint')} style={{ marginBottom: 16 }} />
      <Form.Item label={t('period.name')} htmlFor="period-name" {...problemProps(problemsAt('period.name'))}>
        <Input
          id="period-name"
          value={period.name}
          maxLength={200}
          readOnly={readOnly}
          onChange={(e) => set({ name: e.target.value })}
        />
      </Form.Item>
      <Row gutter={16}>
        <Col xs={24} sm={12}>
          <Form.Item
            label={t('period.startDate')}
            htmlFor="period-start"
            {...problemProps(problemsAt('period.startDate'))}
          >
            <DateField
              id="period-start"
              value={period.startDate}
              disabled={readOnly}
              onChange={(v) => v && set({ startDate: v })}
            />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item label={t('period.endDate')} htmlFor="period-end" {...problemProps(problemsAt('period.endDate'))}>
            <DateField
              id="period-end"
              value={period.endDate}
              disabled={readOnly}
              min={period.startDate}
              allowClear
              onChange={(v) => set({ endDate: v ?? null })}
            />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item {...problemProps(problemsAt('coversSubUnits'))}>
        <Checkbox
          checked={draft.coversSubUnits}
          disabled={readOnly}
          onChange={(e) => setDraft({ coversSubUnits: e.target.checked })}
        >
          {t('period.coversSubUnits')}
        </Checkbox>
      </Form.Item>
    </Form>
  );
}
