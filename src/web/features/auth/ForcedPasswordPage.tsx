import { Alert, Button, Form, Space } from 'antd';
import { authApi } from '../../api/endpoints.js';
import { CenteredCard } from '../../components/CenteredCard.js';
import { useFormSubmit } from '../../components/useFormSubmit.js';
import { useT } from '../../i18n/index.js';
import { PasswordFields, type PasswordChangeValues } from './PasswordFields.js';
import { useMe, useSession } from './session.js';

/** Shown instead of the application while the user still has a temporary password. */
export function ForcedPasswordPage() {
  const t = useT();
  const me = useMe();
  const { signedIn, signOut } = useSession();
  const [form] = Form.useForm<PasswordChangeValues>();

  const {
    busy,
    submit,
    failure: error,
  } = useFormSubmit(
    form,
    async (values: PasswordChangeValues) => {
      await authApi.changePassword(values.currentPassword, values.newPassword);
      signedIn(await authApi.me());
    },
    { inline: true },
  );

  return (
    <CenteredCard title={t('password.forcedTitle')} intro={t('password.forcedIntro')}>
      {error && <Alert type="error" showIcon title={error} role="alert" style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical" onFinish={submit} requiredMark={false} disabled={busy}>
        <Form.Item label={t('auth.username')}>
          <strong>{me.username}</strong>
        </Form.Item>
        <PasswordFields />
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Button type="primary" htmlType="submit" block loading={busy}>
            {t('password.submit')}
          </Button>
          <Button type="link" block onClick={() => void signOut()}>
            {t('user.signOut')}
          </Button>
        </Space>
      </Form>
    </CenteredCard>
  );
}
