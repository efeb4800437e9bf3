import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Form, Input, Select } from 'antd';
import { useFormSubmit } from '../../components/useFormSubmit.js';
import { DAILY_ITEM_KINDS, DAILY_ITEM_TEXT_MAX, DAILY_ITEMS_MAX } from '../../../common/schemas/daily-reports.js';
import type { DailyItem } from './api.js';
import { useDailyReportText } from './i18n.js';

interface Props {
  disabled?: boolean;
  onSend: (items: DailyItem[]) => Promise<void>;
}

/** A report with something in it: one or more items, each a kind and a few sentences. */
export function ItemsForm({ disabled, onSend }: Props) {
  const rt = useDailyReportText();
  const [form] = Form.useForm<{ items: DailyItem[] }>();

  const { busy, submit, failure } = useFormSubmit(
    form,
    async ({ items }: { items: DailyItem[] }) => {
      await onSend(items.map((i) => ({ kind: i.kind, text: i.text.trim() })));
      form.resetFields();
    },
    { inline: true },
  );

  return (
    <Form
      form={form}
      layout="vertical"
      requiredMark={false}
      disabled={disabled || busy}
      initialValues={{ items: [{ kind: 'safety', text: '' }] }}
      onFinish={(v) => void submit(v)}
      data-testid="items-form"
    >
      <Form.List name="items">
        {(fields, { add, remove }) => (
          <Flex vertical gap={10}>
            {fields.map((field, index) => (
              <Card key={field.key} size="small" className="steady-dr-item">
                <Flex gap={8} align="start">
                  <Form.Item
                    name={[field.name, 'kind']}
                    label={rt('items.kind')}
                    rules={[{ required: true, message: rt('items.chooseKind') }]}
                    style={{ flex: '0 0 132px', marginBottom: 8 }}
                  >
                    <Select
                      options={DAILY_ITEM_KINDS.map((k) => ({ value: k, label: rt(`kind.${k}`) }))}
                      data-testid={`item-kind-${index}`}
                    />
                  </Form.Item>
                  <div style={{ flex: 1 }} />
                  {fields.length > 1 && (
                    <Button
                      type="text"
                      icon={<DeleteOutlined />}
                      aria-label={rt('items.remove')}
                      onClick={() => remove(field.name)}
                    />
                  )}
                </Flex>
                <Form.Item
                  name={[field.name, 'text']}
                  label={rt('items.text')}
                  rules={[{ required: true, whitespace: true, message: rt('items.required') }]}
                  style={{ marginBottom: 0 }}
                >
                  <Input.TextArea
                    rows={3}
                    maxLength={DAILY_ITEM_TEXT_MAX}
                    placeholder={rt('items.textPlaceholder')}
                    style={{ fontSize: 16 }}
                    data-testid={`item-text-${index}`}
                  />
                </Form.Item>
              </Card>
            ))}
            {fields.length < DAILY_ITEMS_MAX && (
              <Button icon={<PlusOutlined />} onClick={() => add({ kind: 'safety', text: '' })} block>
                {rt('items.add')}
              </Button>
            )}
          </Flex>
        )}
      </Form.List>
      {failure && <Alert type="error" showIcon title={failure} style={{ marginTop: 12 }} />}
      <Button
        type="primary"
        htmlType="submit"
        size="large"
        block
        loading={busy}
        style={{ marginTop: 12 }}
        data-testid="send-items"
      >
        {rt('items.submit')}
      </Button>
    </Form>
  );
}
