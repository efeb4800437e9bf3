import { Button, DatePicker, Form, Input, InputNumber, Modal, Space, Switch, Typography } from 'antd';
import { useState } from 'react';
import { METRICS, WEIGHT_TOTAL, type ItemInput, type Metric } from '../../../common/schemas/assessment.js';
import { UnitPicker } from '../../components/UnitPicker.js';
import { useFormSubmit } from '../../components/useFormSubmit.js';
import { supervisionApi } from './api.js';
import { useSupervisionText } from './i18n.js';

interface Row {
  key: string;
  on: boolean;
  metric: Metric | null;
  title: string;
  weight: number;
}
/** A starting sheet whose weights add up to 100; the supervisor changes what they like. */
const START: Record<Metric, number> = {
  daily_reports_on_time: 15,
  incident_steps_on_time: 15,
  drills_held: 10,
  drills_evacuation: 5,
  hazards_fixed_on_time: 10,
  supervised_closed: 10,
  directives_signed_on_time: 10,
  patrols_done: 5,
  visitors_signed_out: 5,
  letters_signed: 5,
};

/** The date picker's values: only their local date is read. */
interface DayLike {
  format(pattern: string): string;
}
interface Values {
  unitId: string;
  title: string;
  period: [DayLike, DayLike];
}

/** Defines a sheet: the supervising unit, the period, and the items with their weights. */
export function NewSheetModal({
  open,
  onClose,
  onCreated,
  defaultUnitId,
}: {
  open: boolean;
  onClose: () => void;
  onCreated: (id: string) => void;
  defaultUnitId?: string;
}) {
  const st = useSupervisionText();
  const [form] = Form.useForm<Values>();
  const [rows, setRows] = useState<Row[]>(() => [
    ...METRICS.map((m) => ({ key: m, on: true, metric: m, title: st(`metric.${m}`), weight: START[m] })),
    { key: 'manual', on: true, metric: null, title: st('assessment.form.manualTitle'), weight: 10 },
  ]);
  const sum = rows.filter((r) => r.on).reduce((s, r) => s + (r.weight || 0), 0);
  const change = (key: string, patch: Partial<Row>) =>
    setRows((all) => all.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  const { busy, submit } = useFormSubmit<Values>(form, async (v) => {
    const items: ItemInput[] = rows
      .filter((r) => r.on)
      .map((r) =>
        r.metric
          ? { kind: 'computed', metric: r.metric, title: r.title, weight: r.weight, guidance: '' }
          : { kind: 'manual', title: r.title, weight: r.weight, guidance: '' },
      );
    const sheet = await supervisionApi.createSheet({
      unitId: v.unitId,
      title: v.title,
      periodStart: v.period[0].format('YYYY-MM-DD'),
      periodEnd: v.period[1].format('YYYY-MM-DD'),
      items,
    });
    onCreated(sheet.id);
  });
  return (
    <Modal
      open={open}
      onCancel={onClose}
      title={st('assessment.new')}
      okText={st('assessment.new')}
      confirmLoading={busy}
      onOk={() => form.submit()}
      width={720}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={(v) => void submit(v)} initialValues={{ unitId: defaultUnitId }}>
        <Form.Item name="unitId" label={st('assessment.form.unit')} rules={[{ required: true }]}>
          <UnitPicker />
        </Form.Item>
        <Form.Item name="title" label={st('assessment.form.title')} rules={[{ required: true }]}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="period" label={st('assessment.form.period')} rules={[{ required: true }]}>
          <DatePicker.RangePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="items" label={st('assessment.form.items')}>
          <Space orientation="vertical" style={{ width: '100%' }}>
            {rows.map((r) => (
              <Space key={r.key} wrap style={{ width: '100%' }} data-testid="new-item">
                <Switch size="small" checked={r.on} onChange={(on) => change(r.key, { on })} aria-label={r.title} />
                <Input
                  value={r.title}
                  onChange={(e) => change(r.key, { title: e.target.value })}
                  style={{ width: 260 }}
                  disabled={!r.on}
                />
                <InputNumber
                  min={1}
                  max={WEIGHT_TOTAL}
                  value={r.weight}
                  onChange={(w) => change(r.key, { weight: w ?? 0 })}
                  disabled={!r.on}
                  aria-label={`${r.title} ${st('assessment.weight')}`}
                />
              </Space>
            ))}
            <Typography.Text type={sum === WEIGHT_TOTAL ? 'success' : 'danger'} data-testid="weights-sum">
              {st('assessment.form.sum', { sum })}
            </Typography.Text>
            <Button
              size="small"
              onClick={() =>
                setRows((all) => [
                  ...all,
                  {
                    key: `manual-${all.length}`,
                    on: true,
                    metric: null,
                    title: st('assessment.form.manualTitle'),
                    weight: 5,
                  },
                ])
              }
            >
              {st('assessment.form.addManual')}
            </Button>
          </Space>
        </Form.Item>
      </Form>
    </Modal>
  );
}
