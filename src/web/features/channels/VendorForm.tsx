import { Alert, App, Button, Flex, Form, Input, Switch, Typography } from 'antd';
import type { FormInstance } from 'antd';
import { useState } from 'react';
import { applyProblem } from '../../components/form-errors.js';
import { useFormSubmit } from '../../components/useFormSubmit.js';
import { channelsApi, VENDOR_FIELDS, type VendorSettings } from './api.js';
import { useChannelText, type ChannelsKey } from './i18n.js';

interface Values {
  enabled: boolean;
  config: Record<string, string>;
  secrets: Record<string, string>;
}

/**
 * One vendor account: its fields, its secrets (never shown back: an empty field keeps the saved
 * one), and the callback URL for receipts and replies, issued on request and shown once.
 */
export function VendorForm({ settings, onSaved }: { settings: VendorSettings; onSaved: () => void }) {
  const cht = useChannelText();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [callback, setCallback] = useState<string | null>(null);
  const fields = VENDOR_FIELDS[settings.vendor];
  const initial: Values = {
    enabled: settings.enabled,
    config: Object.fromEntries(
      fields.config.map((f) => [f, typeof settings.config[f] === 'string' ? (settings.config[f] as string) : '']),
    ),
    secrets: {},
  };

  const { busy, submit: save } = useFormSubmit(form, async (values: Values) => {
    // The server's word from the last try no longer stands once the person has sent again.
    (form as FormInstance).setFields(form.getFieldsError().map((f) => ({ name: f.name, errors: [] })));
    const config = Object.fromEntries(Object.entries(values.config ?? {}).filter(([, v]) => (v ?? '').trim() !== ''));
    const secrets = Object.fromEntries(Object.entries(values.secrets ?? {}).filter(([, v]) => (v ?? '').trim() !== ''));
    await channelsApi.save(settings.vendor, { enabled: values.enabled, config, secrets });
    // Entered secrets leave the form once saved: they are never shown again.
    form.setFieldsValue({ secrets: Object.fromEntries(fields.secrets.map((f) => [f, ''])) });
    message.success(cht('form.saved', { vendor: cht(`vendor.${settings.vendor}` as ChannelsKey) }));
    onSaved();
  });

  const issue = async () => {
    try {
      setCallback((await channelsApi.issueCallback(settings.vendor)).callbackUrl);
    } catch (error) {
      message.error(applyProblem(null, error));
    }
  };

  const takesCallbacks =
    settings.vendor === 'aliyun_sms' || settings.vendor === 'tencent_sms' || settings.vendor === 'wecom_app';
  return (
    <Form
      form={form}
      layout="vertical"
      initialValues={initial}
      onFinish={(v) => void save(v)}
      data-testid={`vendor-form-${settings.vendor}`}
    >
      <Form.Item name="enabled" label={cht('form.enabled')} valuePropName="checked" style={{ marginBottom: 8 }}>
        <Switch />
      </Form.Item>
      {settings.vendor === 'web_push' && (
        <>
          <Alert type="warning" showIcon title={cht('form.webPushHint')} style={{ marginBottom: 12 }} />
          {typeof settings.config.publicKey === 'string' && (
            <Typography.Paragraph
              copyable={{ text: settings.config.publicKey }}
              style={{ fontSize: 12, wordBreak: 'break-all' }}
            >
              {cht('field.publicKey')}: {settings.config.publicKey}
            </Typography.Paragraph>
          )}
        </>
      )}
      {fields.config.map((field) => (
        <Form.Item
          key={field}
          name={['config', field]}
          label={cht(`field.${field}` as ChannelsKey)}
          style={{ marginBottom: 10 }}
        >
          <Input autoComplete="off" maxLength={300} placeholder={field === 'region' ? 'ap-guangzhou' : undefined} />
        </Form.Item>
      ))}
      {fields.secrets.length > 0 && (
        <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
          {cht('form.secretsHint')}
        </Typography.Paragraph>
      )}
      {fields.secrets.map((field) => (
        <Form.Item
          key={field}
          name={['secrets', field]}
          label={cht(`field.${field}` as ChannelsKey)}
          style={{ marginBottom: 10 }}
        >
          <Input.Password
            autoComplete="new-password"
            maxLength={500}
            placeholder={settings.secretsSet.includes(field) ? cht('form.secretSaved') : undefined}
          />
        </Form.Item>
      ))}
      {callback && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="callback-url"
          title={cht('form.callbackShown')}
          description={
            <Typography.Text copyable style={{ wordBreak: 'break-all' }}>
              {cht(settings.vendor === 'wecom_app' ? 'form.callbackWecom' : 'form.callbackSms', { url: callback })}
            </Typography.Text>
          }
        />
      )}
      <Flex gap={8} justify="flex-end" wrap>
        {takesCallbacks && <Button onClick={() => void issue()}>{cht('form.callback')}</Button>}
        <Button type="primary" htmlType="submit" loading={busy} data-testid="vendor-save">
          {cht('form.save')}
        </Button>
      </Flex>
    </Form>
  );
}
