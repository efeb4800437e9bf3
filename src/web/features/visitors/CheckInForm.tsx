import { AutoComplete, Button, Card, Flex, Form, Input, Segmented, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useLocale } from '../../i18n/index.js';
import { shortTime } from '../../components/format.js';
import { useFormSubmit } from '../../components/useFormSubmit.js';
import { ID_KIND_LIST, visitorsApi, type IdKind } from './api.js';
import { maskId } from './id-mask.js';
import { IdNumberInput } from './IdNumberInput.js';
import { useVisitorText, type VisitorsKey } from './i18n.js';
import { useUnitPeople } from '../../components/useUnitPeople.js';

interface Values {
  name: string;
  idKind: IdKind;
  idNumber: string;
  purpose: string;
  hostName?: string;
  vehiclePlate?: string;
}

const PURPOSES: VisitorsKey[] = [
  'purpose.parent',
  'purpose.delivery',
  'purpose.repair',
  'purpose.official',
  'purpose.meeting',
];

/**
 * Check-in at the gate in a few seconds: a name, the ID (masked as it is typed), a tap for the
 * purpose, whom they visit. The full ID number never leaves the phone. Without network the check-in
 * waits on the phone (the offline outbox) and is sent, once, when the network returns.
 */
export function CheckInForm({ unitId, onCheckedIn }: { unitId: string; onCheckedIn: () => void }) {
  const vt = useVisitorText();
  const { locale } = useLocale();
  const [form] = Form.useForm<Values>();
  const [done, setDone] = useState<string | null>(null);
  const { people } = useUnitPeople(unitId);
  const purpose = Form.useWatch('purpose', form);
  const required = (field: VisitorsKey) => [
    { required: true, whitespace: true, message: vt('form.required', { field: vt(field) }) },
  ];

  const { busy, submit, failure } = useFormSubmit(
    form,
    async (values: Values) => {
      setDone(null);
      const name = values.name.trim();
      const visitor = {
        unitId,
        name,
        idKind: values.idKind,
        idNumber: maskId(values.idNumber),
        purpose: values.purpose.trim(),
        hostName: values.hostName?.trim() ?? '',
        vehiclePlate: values.vehiclePlate?.trim().toUpperCase() ?? '',
      };
      const outcome = await visitorsApi.checkInOrQueue(visitor, vt('outbox.checkIn', { name }));
      form.resetFields();
      const time = shortTime(new Date().toISOString(), locale);
      setDone(vt(outcome === 'sent' ? 'form.done' : 'form.queued', { name, time }));
      onCheckedIn();
    },
    { inline: true },
  );

  const hostOptions = people.map((p) => ({
    value: p.name,
    label: (
      <span>
        {p.name}
        {p.hint && <span style={{ color: '#8c8c8c', marginInlineStart: 8, fontSize: 12 }}>{p.hint}</span>}
      </span>
    ),
  }));

  return (
    <Card size="small" data-testid="check-in">
      <Form<Values>
        form={form}
        layout="vertical"
        requiredMark={false}
        disabled={busy}
        initialValues={{ idKind: 'id_card' }}
        onFinish={(values) => void submit(values)}
        onValuesChange={() => setDone(null)}
        data-testid="check-in-form"
      >
        <Form.Item name="name" label={vt('form.name')} rules={required('form.name')}>
          <Input size="large" maxLength={50} placeholder={vt('form.namePlaceholder')} autoComplete="off" />
        </Form.Item>
        <Form.Item label={vt('form.idNumber')} required extra={vt('form.idNumberHint')}>
          <Form.Item name="idKind" noStyle>
            <Segmented<IdKind>
              block
              options={ID_KIND_LIST.map((value) => ({ value, label: vt(`idKind.${value}`) }))}
              style={{ marginBottom: 8 }}
            />
          </Form.Item>
          <Form.Item name="idNumber" noStyle rules={required('form.idNumber')}>
            <IdNumberInput placeholder={vt('form.idNumberPlaceholder')} />
          </Form.Item>
        </Form.Item>
        <Form.Item
          name="purpose"
          label={vt('form.purpose')}
          rules={required('form.purpose')}
          style={{ marginBottom: 6 }}
        >
          <Input size="large" maxLength={200} placeholder={vt('form.purposePlaceholder')} autoComplete="off" />
        </Form.Item>
        <Flex wrap gap={6} style={{ marginBottom: 16 }}>
          {PURPOSES.map((key) => (
            <Tag.CheckableTag
              key={key}
              checked={purpose === vt(key)}
              onChange={() => form.setFieldsValue({ purpose: vt(key) })}
              className="steady-chip"
            >
              {vt(key)}
            </Tag.CheckableTag>
          ))}
        </Flex>
        <Form.Item name="hostName" label={vt('form.host')} rules={[{ max: 50 }]}>
          <AutoComplete
            size="large"
            options={hostOptions}
            placeholder={vt('form.hostPlaceholder')}
            showSearch={{ filterOption: (input, option) => String(option?.value ?? '').includes(input.trim()) }}
            data-testid="host-picker"
          />
        </Form.Item>
        <Form.Item name="vehiclePlate" label={vt('form.plate')}>
          <Input
            size="large"
            maxLength={20}
            placeholder={vt('form.platePlaceholder')}
            autoComplete="off"
            className="steady-plate"
          />
        </Form.Item>
        {failure && (
          <Typography.Text type="danger" style={{ display: 'block', marginBottom: 8 }} data-testid="check-in-error">
            {failure}
          </Typography.Text>
        )}
        {done && (
          <Typography.Text type="success" style={{ display: 'block', marginBottom: 8 }} data-testid="check-in-done">
            ✓ {done}
          </Typography.Text>
        )}
        <Button type="primary" htmlType="submit" size="large" block loading={busy} data-testid="check-in-submit">
          {vt('form.submit')}
        </Button>
      </Form>
    </Card>
  );
}
