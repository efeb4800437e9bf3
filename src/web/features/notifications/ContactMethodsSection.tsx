import {
  BellOutlined,
  EditOutlined,
  LockOutlined,
  MailOutlined,
  MessageOutlined,
  MobileOutlined,
  PhoneOutlined,
  RobotOutlined,
} from '@ant-design/icons';
import { Alert, App, Button, Divider, Flex, Form, List, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { LoadError } from '../../components/LoadError.js';
import { useT } from '../../i18n/index.js';
import { contactsApi, type ContactMethod } from './api.js';
import type { ReactNode } from 'react';
import { useResource } from '../../components/useResource.js';
import { applyProblem } from '../../components/form-errors.js';
import { ContactMethodsEditor, inputOf, rowsOf, type MethodRow } from './ContactMethodsEditor.js';
import { useNotificationText } from './i18n.js';

const ICONS: Partial<Record<ContactMethod['channel'], ReactNode>> = {
  email: <MailOutlined />,
  sms: <MobileOutlined />,
  voice: <PhoneOutlined />,
  wecom_app: <MessageOutlined />,
  dingtalk_app: <MessageOutlined />,
  feishu_app: <MessageOutlined />,
  web_push: <BellOutlined />,
};

/**
 * How Steady reaches a person when an incident needs them, in order (a failing method hands over
 * to the next). Saved as a whole list; robot addresses and secrets never come back from the server.
 */
export function ContactMethodsSection({ personId, editable }: { personId: string; editable: boolean }) {
  const nt = useNotificationText();
  const t = useT();
  const { message } = App.useApp();
  const methods = useResource(() => contactsApi.list(personId), [personId]);
  const [editing, setEditing] = useState(false);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<{ methods: MethodRow[] }>();
  // Each edit starts from what is saved now, not from what the last edit left in the form.
  useEffect(() => {
    if (editing) form.setFieldsValue({ methods: rowsOf(methods.data ?? []) });
  }, [editing, form, methods.data]);

  const save = async () => {
    // The whole store, not onFinish's values: those leave out what no Form.Item shows (a robot kept by position).
    const rows = (form.getFieldsValue(true) as { methods?: MethodRow[] }).methods;
    setBusy(true);
    try {
      await contactsApi.replace(personId, (rows ?? []).map(inputOf));
      message.success(nt('contacts.saved'));
      setEditing(false);
      methods.reload();
    } catch (error) {
      // The server names fields as methods.0.url, as the form does.
      const rest = applyProblem(form, error);
      if (rest) message.error(rest);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section data-testid="contact-methods">
      <Divider titlePlacement="start">{nt('contacts.title')}</Divider>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        {nt('contacts.hint')}
      </Typography.Paragraph>
      {methods.error ? <LoadError error={methods.error} onRetry={methods.reload} /> : null}
      {editing ? (
        <Form
          form={form}
          layout="vertical"
          initialValues={{ methods: rowsOf(methods.data ?? []) }}
          onFinish={() => void save()}
          data-testid="contact-form"
        >
          <ContactMethodsEditor form={form} />
          <Flex gap={8} justify="flex-end" style={{ marginTop: 12 }}>
            <Button onClick={() => setEditing(false)}>{t('common.cancel')}</Button>
            <Button type="primary" htmlType="submit" loading={busy} data-testid="contact-save">
              {nt('contacts.save')}
            </Button>
          </Flex>
        </Form>
      ) : (
        <>
          <List
            size="small"
            loading={methods.loading}
            dataSource={methods.data ?? []}
            locale={{ emptyText: nt('contacts.none') }}
            renderItem={(m) => (
              <List.Item>
                <Flex gap={8} align="center" wrap>
                  <Typography.Text type="secondary">{m.position}.</Typography.Text>
                  {ICONS[m.channel] ?? <RobotOutlined />}
                  <span>{nt(`channel.${m.channel}`)}</span>
                  <Typography.Text code>{m.target}</Typography.Text>
                  {m.signed && (
                    <Tag icon={<LockOutlined />} color="green">
                      {nt('contacts.signed')}
                    </Tag>
                  )}
                </Flex>
              </List.Item>
            )}
          />
          {(methods.data ?? []).some((m) => m.channel === 'web_push') && (
            <Alert type="warning" showIcon title={nt('contacts.pushChina')} style={{ marginTop: 8, fontSize: 12 }} />
          )}
          {editable && (
            <Button
              icon={<EditOutlined />}
              onClick={() => setEditing(true)}
              style={{ marginTop: 8 }}
              data-testid="contact-edit"
            >
              {nt('contacts.edit')}
            </Button>
          )}
        </>
      )}
    </section>
  );
}
