import { App, Checkbox, Form, Input, Modal } from 'antd';
import { useEffect, useState } from 'react';
import type { Person } from '../../../common/schemas/people.js';
import { peopleApi } from '../../api/endpoints.js';
import { applyProblem } from '../../components/form-errors.js';
import { newPasswordRules } from '../../components/rules.js';
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
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (person) form.resetFields();
  }, [person, form]);

  const submit = async (values: ResetValues) => {
    if (!person) return;
    setBusy(true);
    try {
      await peopleApi.resetPassword(person.id, values.password, values.mustChange);
      message.success(t('people.passwordReset'));
      onClose();
    } catch (err) {
      const rest = applyProblem(form, err);
      if (rest) message.error(rest);
    } finally {
      setBusy(false);
    }
  };

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
