import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Form, Input, InputNumber, Select } from 'antd';
import { useState } from 'react';
import type { DrillType } from '../../../common/org.js';
import { drillTypeLabel, drillTypeOptions } from '../../components/labels.js';
import { useFormSubmit } from '../../components/useFormSubmit.js';
import { UnitPicker } from '../../components/UnitPicker.js';
import { unitsApi } from '../../api/endpoints.js';
import { useT } from '../../i18n/index.js';
import { drillsApi, type Drill } from './api.js';
import { EvacuationInput } from './EvacuationInput.js';
import { dayIn, PROBLEM_MAX, PROBLEMS_MAX, TEXT_MAX } from './format.js';
import { useDrillText, type DrillsKey } from './i18n.js';
import { DateTimeField } from '../../components/date-fields/DateTimeField.js';

interface Values {
  unitId?: string;
  type?: DrillType;
  title?: string;
  startedAt: string;
  endedAt: string;
  participants: number;
  evacuationSeconds?: number | null;
  evaluation: string;
  problems?: string[];
}

interface Props {
  /** A planned drill to record; without one, the drill is planned and recorded in one go. */
  drill?: Drill;
  defaultUnitId?: string;
  onRecorded: (drill: Drill) => void;
}

/**
 * Records how a drill went: when it started and ended, how many took part, how long the evacuation
 * took against the two-minute target, the evaluation and each problem found.
 */
export function RecordForm({ drill, defaultUnitId, onRecorded }: Props) {
  const t = useT();
  const dt = useDrillText();
  const [form] = Form.useForm<Values>();
  // A drill planned by an earlier try whose record was refused: the next try records that one.
  const [planned, setPlanned] = useState<Drill | undefined>(drill);
  const watchedUnitId = Form.useWatch('unitId', form) as string | undefined;
  const required = (field: DrillsKey) => ({
    required: true,
    whitespace: true,
    message: dt('form.required', { field: dt(field) }),
  });

  const { busy, submit, failure } = useFormSubmit(
    form,
    async (values: Values) => {
      let target = planned;
      if (!target) {
        target = await drillsApi.schedule({
          unitId: values.unitId!,
          type: values.type!,
          title: values.title!.trim(),
          // The drill's day is the unit's, for the start as entered on the unit's clock.
          plannedDate: dayIn(new Date(values.startedAt), (await unitsApi.today(values.unitId!)).timeZone),
        });
        setPlanned(target);
      }
      const recorded = await drillsApi.record(target.id, {
        startedAt: values.startedAt,
        endedAt: values.endedAt,
        participants: values.participants,
        ...(values.evacuationSeconds ? { evacuationSeconds: values.evacuationSeconds } : {}),
        evaluation: values.evaluation.trim(),
        problems: (values.problems ?? []).map((p) => p.trim()).filter(Boolean),
      });
      onRecorded(recorded);
    },
    { inline: true },
  );

  const now = new Date();
  const unitId = planned?.unitId ?? watchedUnitId;
  return (
    <Form<Values>
      form={form}
      layout="vertical"
      requiredMark={false}
      disabled={busy}
      onFinish={(values) => void submit(values)}
      initialValues={{
        unitId: defaultUnitId,
        startedAt: new Date(now.getTime() - 30 * 60_000).toISOString(),
        endedAt: now.toISOString(),
        problems: [],
      }}
      data-testid="record-form"
    >
      {!planned && (
        <>
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
              data-testid="record-type"
            />
          </Form.Item>
          <Form.Item name="title" label={dt('form.title')} rules={[required('form.title')]}>
            <Input maxLength={100} />
          </Form.Item>
        </>
      )}
      <Flex gap={8} wrap>
        <Form.Item
          name="startedAt"
          label={dt('form.startedAt')}
          rules={[required('form.startedAt')]}
          style={{ flex: '1 1 150px' }}
        >
          <DateTimeField unitId={unitId} max="now" data-testid="started-at" />
        </Form.Item>
        <Form.Item
          name="endedAt"
          label={dt('form.endedAt')}
          dependencies={['startedAt']}
          style={{ flex: '1 1 150px' }}
          rules={[
            required('form.endedAt'),
            ({ getFieldValue }) => ({
              validator: (_, value: string) => {
                const start = getFieldValue('startedAt') as string | undefined;
                return !value || !start || value > start
                  ? Promise.resolve()
                  : Promise.reject(new Error(dt('form.endBeforeStart')));
              },
            }),
          ]}
        >
          <DateTimeField unitId={unitId} data-testid="ended-at" />
        </Form.Item>
      </Flex>
      <Form.Item
        name="participants"
        label={dt('form.participants')}
        rules={[{ required: true, message: dt('form.required', { field: dt('form.participants') }) }]}
      >
        <InputNumber
          min={1}
          max={100_000}
          precision={0}
          inputMode="numeric"
          style={{ width: 160 }}
          data-testid="participants"
        />
      </Form.Item>
      <Form.Item name="evacuationSeconds" label={dt('form.evacuation')} extra={dt('form.evacuationHint')}>
        <EvacuationInput />
      </Form.Item>
      <Form.Item name="evaluation" label={dt('form.evaluation')} rules={[required('form.evaluation')]}>
        <Input.TextArea
          rows={3}
          maxLength={TEXT_MAX}
          placeholder={dt('form.evaluationPlaceholder')}
          style={{ fontSize: 16 }}
          data-testid="evaluation"
        />
      </Form.Item>
      <Form.Item label={dt('form.problems')} extra={dt('form.problemsHint')}>
        <Form.List name="problems">
          {(fields, { add, remove }) => (
            <Flex vertical gap={8}>
              {fields.map((field, index) => (
                <Flex key={field.key} gap={6} align="start">
                  <Form.Item name={field.name} noStyle rules={[required('form.problem')]}>
                    <Input.TextArea
                      autoSize={{ minRows: 1, maxRows: 4 }}
                      maxLength={PROBLEM_MAX}
                      placeholder={dt('form.problemPlaceholder', { n: index + 1 })}
                      data-testid="problem-input"
                    />
                  </Form.Item>
                  <Button
                    type="text"
                    icon={<MinusCircleOutlined />}
                    aria-label={dt('form.removeProblem')}
                    onClick={() => remove(field.name)}
                  />
                </Flex>
              ))}
              {fields.length < PROBLEMS_MAX && (
                <Button type="dashed" icon={<PlusOutlined />} onClick={() => add('')} block data-testid="add-problem">
                  {dt('form.addProblem')}
                </Button>
              )}
            </Flex>
          )}
        </Form.List>
      </Form.Item>
      {failure && <Alert type="error" showIcon title={failure} style={{ marginBottom: 12 }} />}
      <Button type="primary" htmlType="submit" size="large" block loading={busy} data-testid="record-submit">
        {dt('form.record')}
      </Button>
    </Form>
  );
}
