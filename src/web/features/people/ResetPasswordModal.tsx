import { App, Checkbox, Form, Input, Modal } from 'antd';
import { useEffect } from 'react';
import type { Person } from '../../../common/schemas/people.js';
import { peopleApi } from '../../api/endpoints.js';
import { newPasswordRules } from '../../components/rules.js';
import { useFormSubmit } from '../../components/useFormSubmit.js';
import { useT } from '../../i18n/index.js';

interface ResetValues {
  password: string;
  mustChange: boolean;
}

/** Administrators set a new password, by default one the person must change at next sign-in. */
export function ResetPasswordModal({ person, onClose }: { person: Person | null; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<ResetValues>();

  useEffect(() => {
    if (person) form.resetFields();
  }, [person, form]);

  const { busy, submit } = useFormSubmit(form, async (values: ResetValues) => {
    if (!person) return;
    await peopleApi.resetPassword(person.id, values.password, values.mustChange);
    message.success(t('people.passwordReset'));
    onClose();
  });

  return (
    <Modal
      open={person !== null}
      title={person ? t('people.resetTitle', { name: person.name }) : ''}
      okText={t('people.resetPassword')}
      okButtonProps={{ danger: true }}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={onClose}
      forceRender
    >
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ mustChange: true }}>
        <Form.Item name="password" label={t('people.newPassword')} rules={newPasswordRules(t, t('people.newPassword'))}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item name="mustChange" valuePropName="checked">
          <Checkbox>{t('people.mustChange')}</Checkbox>
        </Form.Item>
      </Form>
    </Modal>
  );
}
