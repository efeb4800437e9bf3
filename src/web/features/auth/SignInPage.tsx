import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Input } from 'antd';
import { useState } from 'react';
import { authApi } from '../../api/endpoints.js';
import { CenteredCard } from '../../components/CenteredCard.js';
import { applyProblem } from '../../components/form-errors.js';
import { useT } from '../../i18n/index.js';
import { useSession } from './session.js';

interface SignInValues {
  username: string;
  password: string;
}

export function SignInPage({ expired }: { expired: boolean }) {
  const t = useT();
  const { signedIn } = useSession();
  const [form] = Form.useForm<SignInValues>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async (values: SignInValues) => {
    setBusy(true);
    setError(null);
    try {
      signedIn(await authApi.login(values.username.trim(), values.password));
    } catch (err) {
      setError(applyProblem(form, err));
      form.setFieldValue('password', '');
    } finally {
      setBusy(false);
    }
  };

  return (
    <CenteredCard title={t('auth.title')} intro={t('auth.intro')}>
      {expired && !error && <Alert type="info" showIcon title={t('auth.sessionEnded')} style={{ marginBottom: 16 }} />}
      {error && <Alert type="error" showIcon title={error} role="alert" style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical" onFinish={submit} requiredMark={false} disabled={busy}>
        <Form.Item
          name="username"
          label={t('auth.username')}
          rules={[
            { required: true, whitespace: true, message: t('validation.required', { field: t('auth.username') }) },
          ]}
        >
          <Input prefix={<UserOutlined />} autoComplete="username" autoCapitalize="none" autoFocus size="large" />
        </Form.Item>
        <Form.Item
          name="password"
          label={t('auth.password')}
          rules={[{ required: true, message: t('validation.required', { field: t('auth.password') }) }]}
        >
          <Input.Password prefix={<LockOutlined />} autoComplete="current-password" size="large" />
        </Form.Item>
        <Button type="primary" htmlType="submit" block size="large" loading={busy}>
          {t('auth.submit')}
        </Button>
      </Form>
    </CenteredCard>
  );
}
