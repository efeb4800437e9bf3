import { ArrowDownOutlined, ArrowUpOutlined, BellOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Flex, Form, Input, Select, Typography } from 'antd';
import type { FormInstance } from 'antd';
import type { ContactMethod, ContactMethodInput, KeptContactMethod } from './api.js';
import { useNotificationText } from './i18n.js';
import { subscribeThisDevice } from './web-push.js';

/** Personal methods first: they reach the person on their phone; group robots and e-mail after. */
export const CHANNELS = [
  'sms',
  'voice',
  'wecom_app',
  'dingtalk_app',
  'feishu_app',
  'web_push',
  'email',
  'dingtalk',
  'wecom',
  'feishu',
  'webhook',
] as const;
export type Channel = (typeof CHANNELS)[number];
export const CONTACT_METHODS_MAX = 6;
const ROBOTS = new Set<Channel>(['dingtalk', 'wecom', 'feishu', 'webhook']);
const APPS = new Set<Channel>(['wecom_app', 'dingtalk_app', 'feishu_app']);
/** The server's own check, repeated so the person sees it before saving: mainland 11 digits or +country code. */
const MOBILE = /^(?:(?:\+?86)?1[3-9]\d{9}|\+(?!86)[1-9]\d{7,14})$/;

/**
 * One row of the editor. A saved robot or push subscription comes back as `shown` (its host or
 * device only) and `keep` (its position then): left as it is, it is saved by position, so its
 * address and secret stay unasked.
 */
export interface MethodRow {
  channel: Channel;
  to?: string;
  url?: string;
  secret?: string;
  mobile?: string;
  userId?: string;
  mention?: string;
  subscription?: { endpoint: string; keys: { p256dh: string; auth: string } };
  device?: string;
  shown?: string;
  keep?: number;
  keptChannel?: Channel;
}

/** Saved methods as editor rows: what is shown back comes back whole; a robot's address and a subscription never do. */
export function rowsOf(methods: ContactMethod[]): MethodRow[] {
  return methods.map((m): MethodRow => {
    if (m.channel === 'email') return { channel: 'email', to: m.target };
    if (m.channel === 'sms' || m.channel === 'voice') return { channel: m.channel, mobile: m.target };
    if (APPS.has(m.channel)) return { channel: m.channel, userId: m.target };
    return { channel: m.channel, shown: m.target, keep: m.position, keptChannel: m.channel };
  });
}

/** A saved robot or subscription the person did not touch: same channel, nothing new entered. */
export const isKept = (row: MethodRow) =>
  row.keep !== undefined && row.channel === row.keptChannel && !(row.url ?? '').trim() && !row.subscription;

export function inputOf(row: MethodRow): ContactMethodInput | KeptContactMethod {
  if (isKept(row)) return { keep: row.keep! };
  const url = (row.url ?? '').trim();
  const secret = (row.secret ?? '').trim();
  const mention = (row.mention ?? '').trim();
  switch (row.channel) {
    case 'email':
      return { channel: 'email', to: (row.to ?? '').trim() };
    case 'sms':
    case 'voice':
      return { channel: row.channel, mobile: (row.mobile ?? '').trim() };
    case 'wecom_app':
    case 'dingtalk_app':
    case 'feishu_app':
      return { channel: row.channel, userId: (row.userId ?? '').trim() };
    case 'web_push':
      return {
        channel: 'web_push',
        subscription: row.subscription ?? { endpoint: '', keys: { p256dh: '', auth: '' } },
        ...(row.device ? { device: row.device } : {}),
      };
    case 'wecom':
      return { channel: 'wecom', url, ...(mention ? { mention } : {}) };
    case 'webhook':
      return { channel: 'webhook', url, secret };
    case 'dingtalk':
      return { channel: 'dingtalk', url, ...(secret ? { secret } : {}), ...(mention ? { mention } : {}) };
    case 'feishu':
      return { channel: 'feishu', url, ...(secret ? { secret } : {}) };
  }
}

/** The fields of one row, by its channel. */
function RowFields({
  form,
  index,
  row,
}: {
  form: FormInstance<{ methods: MethodRow[] }>;
  index: number;
  row: MethodRow;
}) {
  const nt = useNotificationText();
  const { message } = App.useApp();
  const required = (field: string) => ({
    required: true,
    whitespace: true,
    message: nt('contacts.required', { field }),
  });
  const channel = row.channel;
  const last = { marginBottom: 0 };
  if (channel === 'email') {
    return (
      <Form.Item
        name={[index, 'to']}
        label={nt('contacts.to')}
        rules={[required(nt('contacts.to')), { type: 'email', message: nt('contacts.invalidEmail') }]}
        style={last}
      >
        <Input type="email" maxLength={200} autoComplete="off" />
      </Form.Item>
    );
  }
  if (channel === 'sms' || channel === 'voice') {
    return (
      <Form.Item
        name={[index, 'mobile']}
        label={nt('contacts.mobile')}
        extra={nt('contacts.mobileHint')}
        style={last}
        rules={[
          required(nt('contacts.mobile')),
          {
            pattern: MOBILE,
            transform: (v: string) => (v ?? '').replace(/[\s\-()]/g, ''),
            message: nt('contacts.invalidMobile'),
          },
        ]}
      >
        <Input type="tel" inputMode="tel" maxLength={32} autoComplete="tel" placeholder="138 0013 8000" />
      </Form.Item>
    );
  }
  if (APPS.has(channel)) {
    return (
      <Form.Item
        name={[index, 'userId']}
        label={nt('contacts.userId')}
        rules={[required(nt('contacts.userId'))]}
        style={last}
      >
        <Input maxLength={64} autoComplete="off" />
      </Form.Item>
    );
  }
  if (channel === 'web_push') {
    const subscribe = async () => {
      const outcome = await subscribeThisDevice().catch(() => ({ ok: false as const, reason: 'unsupported' as const }));
      if (!outcome.ok)
        return void message.error(
          nt(
            outcome.reason === 'off'
              ? 'contacts.pushOff'
              : outcome.reason === 'denied'
                ? 'contacts.pushDenied'
                : 'contacts.pushUnsupported',
          ),
        );
      form.setFieldValue(['methods', index, 'subscription'], outcome.subscription);
      form.setFieldValue(['methods', index, 'device'], outcome.device);
    };
    return (
      <div data-testid="push-row">
        <Alert type="warning" showIcon title={nt('contacts.pushChina')} style={{ marginBottom: 8, fontSize: 12 }} />
        {row.subscription || isKept(row) ? (
          <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginBottom: 6 }}>
            {nt('contacts.pushSubscribed', { device: row.device ?? row.shown ?? '' })}
          </Typography.Paragraph>
        ) : null}
        <Button icon={<BellOutlined />} onClick={() => void subscribe()}>
          {nt('contacts.pushSubscribe')}
        </Button>
      </div>
    );
  }
  return (
    <>
      {isKept(row) && (
        <div data-testid="contact-kept">
          <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginBottom: 6 }}>
            {nt('contacts.kept', { target: row.shown ?? '' })}
          </Typography.Paragraph>
        </div>
      )}
      <Form.Item
        name={[index, 'url']}
        label={nt('contacts.url')}
        rules={
          isKept(row)
            ? []
            : [required(nt('contacts.url')), { pattern: /^https?:\/\/\S+$/i, message: nt('contacts.invalidUrl') }]
        }
        style={{ marginBottom: 8 }}
      >
        <Input maxLength={1000} placeholder={row.shown ? `https://${row.shown}/…` : 'https://'} autoComplete="off" />
      </Form.Item>
      {channel !== 'wecom' && (
        <Form.Item
          name={[index, 'secret']}
          label={nt(channel === 'webhook' ? 'contacts.secret' : 'contacts.secretOptional')}
          rules={channel === 'webhook' && !isKept(row) ? [required(nt('contacts.secret'))] : []}
          style={{ marginBottom: 8 }}
        >
          <Input.Password maxLength={200} autoComplete="new-password" />
        </Form.Item>
      )}
      {(channel === 'dingtalk' || channel === 'wecom') && (
        <Form.Item
          name={[index, 'mention']}
          label={nt('contacts.mention')}
          rules={[
            {
              pattern: MOBILE,
              transform: (v: string) => (v ?? '').replace(/[\s\-()]/g, ''),
              message: nt('contacts.invalidMobile'),
            },
          ]}
          style={last}
        >
          <Input type="tel" maxLength={32} autoComplete="off" />
        </Form.Item>
      )}
    </>
  );
}

/** The ordered list of methods being edited: add, remove, move up and down, fields per channel. */
export function ContactMethodsEditor({ form }: { form: FormInstance<{ methods: MethodRow[] }> }) {
  const nt = useNotificationText();
  // preserve: also the fields no Form.Item shows (a kept position, a push subscription).
  const rows = (Form.useWatch('methods', { form, preserve: true }) ?? []) as MethodRow[];
  return (
    <Form.List name="methods">
      {(fields, { add, remove, move }) => (
        <>
          <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
            {nt('contacts.primaryHint')}
          </Typography.Paragraph>
          {fields.map((field, index) => {
            const row: MethodRow = rows[field.name] ??
              (form.getFieldValue(['methods', field.name]) as MethodRow | undefined) ?? { channel: 'sms' };
            return (
              <Card
                key={field.key}
                size="small"
                style={{ marginBottom: 8 }}
                data-testid="contact-row"
                data-channel={row.channel}
              >
                <Flex gap={6} align="center" style={{ marginBottom: 8 }}>
                  <Typography.Text strong>{index + 1}.</Typography.Text>
                  <Form.Item name={[field.name, 'channel']} noStyle>
                    <Select
                      style={{ flex: 1, minWidth: 0 }}
                      aria-label={nt('contacts.channel')}
                      options={CHANNELS.map((value) => ({ value, label: nt(`channel.${value}`) }))}
                    />
                  </Form.Item>
                  <Button
                    size="small"
                    icon={<ArrowUpOutlined />}
                    aria-label={nt('contacts.moveUp')}
                    disabled={index === 0}
                    onClick={() => move(index, index - 1)}
                  />
                  <Button
                    size="small"
                    icon={<ArrowDownOutlined />}
                    aria-label={nt('contacts.moveDown')}
                    disabled={index === fields.length - 1}
                    onClick={() => move(index, index + 1)}
                  />
                  <Button
                    size="small"
                    danger
                    icon={<DeleteOutlined />}
                    aria-label={nt('contacts.remove')}
                    onClick={() => remove(field.name)}
                  />
                </Flex>
                <RowFields form={form} index={field.name} row={row} />
              </Card>
            );
          })}
          <Button
            type="dashed"
            block
            icon={<PlusOutlined />}
            disabled={fields.length >= CONTACT_METHODS_MAX}
            onClick={() => add({ channel: 'sms' } satisfies MethodRow)}
            data-testid="contact-add"
          >
            {fields.length >= CONTACT_METHODS_MAX
              ? nt('contacts.max', { max: CONTACT_METHODS_MAX })
              : nt('contacts.add')}
          </Button>
        </>
      )}
    </Form.List>
  );
}

export const isRobot = (channel: Channel) => ROBOTS.has(channel);
