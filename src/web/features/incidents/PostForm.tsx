import { App, Button, Flex, Form, Input, Segmented } from 'antd';
import { incidentsApi } from './api.js';
import { TEXT_MAX } from './format.js';
import { useIncidentText } from './i18n.js';
import { useFormSubmit } from '../../components/useFormSubmit.js';

interface Values {
  kind: 'comment' | 'update';
  text: string;
}

/** A comment or a progress update, added to the timeline. */
export function PostForm({ incidentId, onPosted }: { incidentId: string; onPosted: () => void }) {
  const it = useIncidentText();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const { busy, submit: send } = useFormSubmit(form, async ({ kind, text }: Values) => {
    await incidentsApi.post(incidentId, kind, text.trim());
    form.setFieldValue('text', '');
    message.success(it('post.sent'));
    onPosted();
  });
  return (
    <Form<Values>
      form={form}
      initialValues={{ kind: 'update', text: '' }}
      onFinish={(v) => void send(v)}
      data-testid="post-form"
    >
      <Form.Item name="kind" style={{ marginBottom: 8 }}>
        <Segmented
          options={[
            { value: 'update', label: it('post.update') },
            { value: 'comment', label: it('post.comment') },
          ]}
        />
      </Form.Item>
      <Form.Item
        name="text"
        rules={[{ required: true, whitespace: true, message: it('report.required', { field: it('post.title') }) }]}
        style={{ marginBottom: 8 }}
      >
        <Input.TextArea
          rows={2}
          maxLength={TEXT_MAX}
          placeholder={it('post.placeholder')}
          aria-label={it('post.title')}
        />
      </Form.Item>
      <Flex justify="flex-end">
        <Button type="primary" htmlType="submit" loading={busy}>
          {it('post.send')}
        </Button>
      </Flex>
    </Form>
  );
}
