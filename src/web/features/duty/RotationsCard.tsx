import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Flex, Form, Input, InputNumber, List, Popconfirm, Select, Tag, Typography } from 'antd';
import { useState } from 'react';
import { applyProblem } from '../../components/form-errors.js';
import { useResource } from '../../components/useResource.js';
import { dutyApi, type NewRotation, type RotationView } from './api.js';
import { useDutyText } from './i18n.js';
import { useFormSubmit } from '../../components/useFormSubmit.js';
import { DateField } from '../../components/date-fields/DateField.js';

type FormValues = Omit<NewRotation, 'unitId' | 'endDate'> & {
  slots: { dutyLeaderId?: string | null; staffIds?: string[]; turns?: number }[];
};

/** Rotations: who takes turns, generated ahead every day in the pattern of the plan in force. */
/** `today` is the unit's date as the server gives it (a rotation starts there by default). */
export function RotationsCard({ unitId, today, keeper }: { unitId: string; today: string; keeper: boolean }) {
  const dt = useDutyText();
  const { message } = App.useApp();
  const rotations = useResource(() => dutyApi.rotations(unitId), [unitId]);
  const people = useResource(() => dutyApi.people(unitId), [unitId]);
  const [creating, setCreating] = useState(false);
  const [form] = Form.useForm<FormValues>();
  const kind = Form.useWatch('kind', form);
  const options = (people.data ?? []).map((p) => ({
    value: p.id,
    label: p.name,
    search: `${p.name} ${p.phone ?? ''}`,
  }));

  const run = async (work: () => Promise<unknown>, done: string) => {
    try {
      await work();
      message.success(done);
      rotations.reload();
    } catch (error) {
      message.error(applyProblem(null, error));
    }
  };
  const { busy, submit: create } = useFormSubmit(form, async (values: FormValues) => {
    const slots = values.slots.map((s) => ({
      dutyLeaderId: s.dutyLeaderId ?? null,
      staffIds: s.staffIds ?? [],
      turns: s.turns ?? 1,
    }));
    const made = await dutyApi.createRotation({ ...values, unitId, slots });
    message.success(dt('rotation.created', { n: made.generated.created }));
    setCreating(false);
    form.resetFields();
    rotations.reload();
  });
  const summary = (r: RotationView) =>
    r.slots
      .map(
        (s) =>
          [s.dutyLeader?.name, ...s.staff.map((p) => p.name)].filter(Boolean).join('、') +
          (r.kind === 'custom' ? ` ×${s.turns}` : ''),
      )
      .join(' → ');

  return (
    <Card
      size="small"
      title={dt('rotation.title')}
      data-testid="rotations"
      extra={
        keeper && !creating ? (
          <Button size="small" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="rotation-new">
            {dt('rotation.new')}
          </Button>
        ) : null
      }
    >
      {creating && (
        <Form
          form={form}
          layout="vertical"
          onFinish={(v) => void create(v)}
          initialValues={{ kind: 'daily', startDate: today, daysAhead: 28, slots: [{ turns: 1 }, { turns: 1 }] }}
          className="duty-rotation-form"
        >
          <Form.Item
            name="name"
            label={dt('rotation.name')}
            rules={[{ required: true, whitespace: true, message: dt('rotation.nameRequired') }]}
          >
            <Input maxLength={100} placeholder={dt('rotation.namePlaceholder')} />
          </Form.Item>
          <Flex gap={8} wrap>
            <Form.Item name="kind" label={dt('rotation.kind')} style={{ minWidth: 140 }}>
              <Select
                options={(['daily', 'weekly', 'custom'] as const).map((k) => ({
                  value: k,
                  label: dt(`rotation.kind.${k}`),
                }))}
              />
            </Form.Item>
            <Form.Item name="startDate" label={dt('rotation.startDate')}>
              <DateField style={{ width: 150 }} />
            </Form.Item>
            <Form.Item name="daysAhead" label={dt('rotation.daysAhead')}>
              <InputNumber min={1} max={92} style={{ width: 100 }} />
            </Form.Item>
          </Flex>
          <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
            {dt(`rotation.explain.${kind ?? 'daily'}`)}
          </Typography.Paragraph>
          <Form.List name="slots">
            {(fields, { add, remove }) => (
              <>
                {fields.map((field, i) => (
                  <div key={field.key} className="duty-slot">
                    <Flex justify="space-between" align="center">
                      <strong>{dt('rotation.slot', { n: i + 1 })}</strong>
                      {fields.length > 1 && (
                        <Button
                          size="small"
                          type="text"
                          icon={<DeleteOutlined />}
                          aria-label={dt('common.remove')}
                          onClick={() => remove(field.name)}
                        />
                      )}
                    </Flex>
                    <Form.Item name={[field.name, 'dutyLeaderId']} label={dt('shift.leader')}>
                      <Select
                        allowClear
                        options={options}
                        showSearch={{ optionFilterProp: 'search' }}
                        placeholder={dt('common.pickPerson')}
                      />
                    </Form.Item>
                    <Form.Item name={[field.name, 'staffIds']} label={dt('shift.staff')}>
                      <Select
                        mode="multiple"
                        options={options}
                        showSearch={{ optionFilterProp: 'search' }}
                        placeholder={dt('common.pickPerson')}
                      />
                    </Form.Item>
                    {kind === 'custom' && (
                      <Form.Item name={[field.name, 'turns']} label={dt('rotation.turns')}>
                        <InputNumber min={1} max={31} />
                      </Form.Item>
                    )}
                  </div>
                ))}
                <Button block icon={<PlusOutlined />} onClick={() => add({ turns: 1 })} style={{ marginBottom: 12 }}>
                  {dt('rotation.addSlot')}
                </Button>
              </>
            )}
          </Form.List>
          <Flex gap={8}>
            <Button type="primary" htmlType="submit" loading={busy} data-testid="rotation-save">
              {dt('rotation.save')}
            </Button>
            <Button onClick={() => setCreating(false)}>{dt('common.cancel')}</Button>
          </Flex>
        </Form>
      )}
      <List
        dataSource={rotations.data ?? []}
        loading={rotations.loading}
        locale={{ emptyText: dt('rotation.none') }}
        renderItem={(r) => (
          <List.Item>
            <List.Item.Meta
              title={
                <span>
                  {r.name} <Tag>{dt(`rotation.kind.${r.kind}`)}</Tag>
                  {!r.active && <Tag>{dt('rotation.inactive')}</Tag>}
                </span>
              }
              description={
                <>
                  <div>{summary(r)}</div>
                  <div>
                    {dt('rotation.through', { from: r.startDate, to: r.generatedThrough ?? '—', days: r.daysAhead })}
                  </div>
                  {keeper && r.active && (
                    <Flex gap={6} style={{ marginTop: 6 }}>
                      <Button
                        size="small"
                        onClick={() => void run(() => dutyApi.generate(r.id), dt('rotation.generated'))}
                      >
                        {dt('rotation.generate')}
                      </Button>
                      <Popconfirm
                        title={dt('rotation.stopConfirm')}
                        onConfirm={() => void run(() => dutyApi.stopRotation(r.id), dt('rotation.stopped'))}
                      >
                        <Button size="small" danger>
                          {dt('rotation.stop')}
                        </Button>
                      </Popconfirm>
                    </Flex>
                  )}
                </>
              }
            />
          </List.Item>
        )}
      />
    </Card>
  );
}
