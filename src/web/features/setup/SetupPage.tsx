import { Alert, App, Button, Divider, Form, Input, Select } from 'antd';
import type { SetupBody } from '../../../common/schemas/auth.js';
import { DEFAULT_TIME_ZONE } from '../../../common/locale.js';
import { NAME_MAX, PASSWORD_MIN } from '../../../common/limits.js';
import { setupApi } from '../../api/endpoints.js';
import { CenteredCard } from '../../components/CenteredCard.js';
import { useFormSubmit } from '../../components/useFormSubmit.js';
import { unitTypeOptions } from '../../components/labels.js';
import { TimeZoneSelect } from '../../components/TimeZoneSelect.js';
import { usernameRules } from '../../components/rules.js';
import { useLocale, useT } from '../../i18n/index.js';
import { useSession } from '../auth/session.js';

/** First run: the top unit and the first administrator, in one step. */
export function SetupPage() {
  const t = useT();
  const { locale } = useLocale();
  const { message } = App.useApp();
  const { signedIn } = useSession();
  const [form] = Form.useForm<SetupBody>();
  const required = (field: string) => ({
    required: true,
    whitespace: true,
    message: t('validation.required', { field }),
  });

  const {
    busy,
    submit,
    failure: error,
  } = useFormSubmit(
    form,
    async (values: SetupBody) => {
      const me = await setupApi.run({ ...values, unit: { ...values.unit, locale } });
      message.success(t('setup.done'));
      signedIn(me);
    },
    { inline: true },
  );

  return (
    <CenteredCard title={t('setup.title')} intro={t('setup.intro')} wide>
      {error && <Alert type="error" showIcon title={error} role="alert" style={{ marginBottom: 16 }} />}
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        disabled={busy}
        initialValues={{ unit: { type: 'education_bureau', timeZone: DEFAULT_TIME_ZONE } }}
      >
        <Divider titlePlacement="start">{t('setup.unit')}</Divider>
        <Form.Item name={['unit', 'name']} label={t('unit.name')} rules={[required(t('unit.name'))]}>
          <Input maxLength={NAME_MAX} />
        </Form.Item>
        <Form.Item name={['unit', 'type']} label={t('unit.type')} rules={[{ required: true }]}>
          <Select options={unitTypeOptions(t)} />
        </Form.Item>
        <Form.Item name={['unit', 'timeZone']} label={t('unit.timeZone')}>
          <TimeZoneSelect />
        </Form.Item>
        <Divider titlePlacement="start">{t('setup.admin')}</Divider>
        <Form.Item name={['admin', 'name']} label={t('setup.adminName')} rules={[required(t('setup.adminName'))]}>
          <Input maxLength={NAME_MAX} />
        </Form.Item>
        <Form.Item name={['admin', 'username']} label={t('auth.username')} rules={usernameRules(t)}>
          <Input autoComplete="username" autoCapitalize="none" />
        </Form.Item>
        <Form.Item
          name={['admin', 'password']}
          label={t('auth.password')}
          rules={[
            required(t('auth.password')),
            { min: PASSWORD_MIN, message: t('validation.min', { field: t('auth.password'), min: PASSWORD_MIN }) },
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" block size="large" loading={busy}>
          {t('setup.submit')}
        </Button>
      </Form>
    </CenteredCard>
  );
}
