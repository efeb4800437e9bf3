import { Alert, Checkbox, Col, Form, Input, Row } from 'antd';
import type { SpecialPeriod } from '../../../../common/schemas/plan-content.js';
import { useT } from '../../../i18n/index.js';
import { problemProps, type SectionProps } from './section-props.js';

/** 特殊时期: the period's name and dates, and whether the units below follow the plan too. */
export function PeriodSection({ draft, setDraft, readOnly, problemsAt }: SectionProps) {
  const t = useT();
  const period: SpecialPeriod = draft.period ?? { name: '', startDate: '', endDate: null };
  const set = (patch: Partial<SpecialPeriod>) => setDraft({ period: { ...period, ...patch } });
  return (
    <Form layout="vertical" component="div">
      <Alert type="info" showIcon title={t('period.hint')} style={{ marginBottom: 16 }} />
      <Form.Item label={t('period.name')} htmlFor="period-name" {...problemProps(problemsAt('period.name'))}>
        <Input id="period-name" value={period.name} maxLength={200} readOnly={readOnly} onChange={(e) => set({ name: e.target.value })} />
      </Form.Item>
      <Row gutter={16}>
        <Col xs={24} sm={12}>
          <Form.Item label={t('period.startDate')} htmlFor="period-start" {...problemProps(problemsAt('period.startDate'))}>
            <Input id="period-start" type="date" value={period.startDate} readOnly={readOnly} required onChange={(e) => e.target.value && set({ startDate: e.target.value })} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item label={t('period.endDate')} htmlFor="period-end" {...problemProps(problemsAt('period.endDate'))}>
            <Input id="period-end" type="date" value={period.endDate ?? ''} readOnly={readOnly} min={period.startDate} onChange={(e) => set({ endDate: e.target.value || null })} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item {...problemProps(problemsAt('coversSubUnits'))}>
        <Checkbox checked={draft.coversSubUnits} disabled={readOnly} onChange={(e) => setDraft({ coversSubUnits: e.target.checked })}>
          {t('period.coversSubUnits')}
        </Checkbox>
      </Form.Item>
    </Form>
  );
}
