import { Alert, App, Button, Card, Flex, Form, Input, Typography } from 'antd';
import { formatDateTime } from '../../components/format.js';
import { useFormSubmit } from '../../components/useFormSubmit.js';
import { useLocale } from '../../i18n/index.js';
import { casesApi, TEXT_MAX, type Case } from './api.js';
import { useCaseText } from './i18n.js';
import { DateTimeField } from '../../components/date-fields/DateTimeField.js';

interface Values {
  notes: string;
  at?: string;
}

/** The mediation sessions so far, oldest first, and a form to add the one just held. */
export function SessionsCard({ item, onChanged }: { item: Case; onChanged: () => void }) {
  const ct = useCaseText();
  const { locale } = useLocale();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();

  const { busy, submit, failure } = useFormSubmit(
    form,
    async (values: Values) => {
      await casesApi.addSession(item.id, values.notes.trim(), values.at || undefined);
      form.resetFields();
      message.success(ct('sessions.added'));
      onChanged();
    },
    { inline: true },
  );

  return (
    <Card size="small" title={ct('sessions.title', { n: item.sessions.length })} data-testid="sessions">
      {item.sessions.length === 0 ? (
        <Typography.Text type="secondary">{ct('sessions.none')}</Typography.Text>
      ) : (
        <Flex vertical gap={10}>
          {item.sessions.map((s) => (
            <div key={s.id} className="steady-session" data-testid="session">
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {formatDateTime(s.at, locale)}
                {s.mediator && ` · ${ct('sessions.by', { name: s.mediator })}`}
              </Typography.Text>
              <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>{s.notes}</Typography.Paragraph>
            </div>
          ))}
        </Flex>
      )}
      {item.status !== 'closed' && (
        <Form<Values>
          form={form}
          layout="vertical"
          requiredMark={false}
          disabled={busy}
          onFinish={(values) => void submit(values)}
          style={{ marginTop: 14 }}
          data-testid="session-form"
        >
          <Form.Item
            name="notes"
            label={ct('sessions.notes')}
            rules={[
              { required: true, whitespace: true, message: ct('form.required', { field: ct('sessions.notes') }) },
            ]}
          >
            <Input.TextArea
              rows={3}
              maxLength={TEXT_MAX}
              placeholder={ct('sessions.notesPlaceholder')}
              style={{ fontSize: 16 }}
              data-testid="session-notes"
            />
          </Form.Item>
          <Form.Item name="at" label={ct('sessions.at')} extra={ct('sessions.atHint')}>
            <DateTimeField unitId={item.unitId} max="now" />
          </Form.Item>
          {failure && <Alert type="error" showIcon title={failure} style={{ marginBottom: 12 }} />}
          <Button htmlType="submit" type="primary" loading={busy} block data-testid="session-submit">
            {ct('sessions.add')}
          </Button>
        </Form>
      )}
    </Card>
  );
}
