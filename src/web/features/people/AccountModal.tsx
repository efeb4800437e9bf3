import { App, Form, Input, Modal, Typography } from 'antd';
import { useEffect } from 'react';
import type { Person } from '../../../common/schemas/people.js';
import { peopleApi } from '../../api/endpoints.js';
import { newPasswordRules, usernameRules } from '../../components/rules.js';
import { useFormSubmit } from '../../components/useFormSubmit.js';
import { useT } from '../../i18n/index.js';

interface AccountValues {
  username: string;
  password: string;
}

/** Administrators give a registered person a sign-in account with a first password. */
export function AccountModal({
  person,
  onClose,
  onCreated,
}: {
  person: Person | null;
  onClose: () => void;
  onCreated: (p: Person) => void;
}) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<AccountValues>();

  useEffect(() => {
    if (person) form.resetFields();
  }, [person, form]);

  const { busy, submit } = useFormSubmit(form, async (values: AccountValues) => {
    if (!person) return;
    const updated = await peopleApi.createAccount(person.id, values.username.trim().toLowerCase(), values.password);
    message.success(t('people.accountCreated', { username: updated.account?.username ?? values.username }));
    onCreated(updated);
  });

  return (
    <Modal
      open={person !== null}
      title={person ? t('people.createAccountTitle', { name: person.name }) : ''}
      okText={t('people.createAccount')}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={onClose}
      forceRender
    >
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item name="username" label={t('people.username')} rules={usernameRules(t)}>
          <Input autoComplete="off" autoCapitalize="none" />
        </Form.Item>
        <Form.Item
          name="password"
          label={t('people.initialPassword')}
          rules={newPasswordRules(t, t('people.initialPassword'))}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Typography.Text type="secondary">{t('people.initialPasswordHint')}</Typography.Text>
      </Form>
    </Modal>
  );
}
