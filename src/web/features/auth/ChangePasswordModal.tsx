import { App, Form, Modal } from 'antd';
import { useState } from 'react';
import { authApi } from '../../api/endpoints.js';
import { applyProblem } from '../../components/form-errors.js';
import { useT } from '../../i18n/index.js';
import { PasswordFields, type PasswordChangeValues } from './PasswordFields.js';

export function ChangePasswordModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<PasswordChangeValues>();
  const [busy, setBusy] = useState(false);

  const submit = async (values: PasswordChangeValues) => {
    setBusy(true);
    try {
      await authApi.changePassword(values.currentPassword, values.newPassword);
      message.success(t('password.changed'));
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
      open={open}
      title={t('password.title')}
      okText={t('password.submit')}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={onClose}
      afterClose={() => form.resetFields()}
    >
      <Form form={form} layout="vertical" onFinish={submit} requiredMark={false}>
        <PasswordFields />
      </Form>
    </Modal>
  );
}
