import { App, Form, Modal } from 'antd';
import { useFormSubmit } from '../../components/useFormSubmit.js';
import { authApi } from '../../api/endpoints.js';
import { useT } from '../../i18n/index.js';
import { PasswordFields, type PasswordChangeValues } from './PasswordFields.js';

export function ChangePasswordModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<PasswordChangeValues>();

  const { busy, submit } = useFormSubmit(form, async (values: PasswordChangeValues) => {
    await authApi.changePassword(values.currentPassword, values.newPassword);
    message.success(t('password.changed'));
    onClose();
  });

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
