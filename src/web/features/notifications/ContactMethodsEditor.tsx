import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Form, Input, Select, Typography } from 'antd';
import type { FormInstance } from 'antd';
import type { ContactMethod, ContactMethodInput, KeptContactMethod } from './api.js';
import { useNt } from './i18n.js';

export const CHANNELS = ['email', 'dingtalk', 'wecom', 'feishu', 'webhook'] as const;
export type Channel = (typeof CHANNELS)[number];
export const CONTACT_METHODS_MAX = 5;

/**
 * One row of the editor. A saved robot comes back as `shown` (its host only) and `keep` (its
 * position then): left as it is, it is saved by position, so its address and secret stay unasked.
 */
export interface MethodRow {
  channel: Channel;
  to?: string;
  url?: string;
  secret?: string;
  shown?: string;
  keep?: number;
  keptChannel?: Channel;
}

/** Saved methods as editor rows: an email comes back whole; a robot's address and secret never do. */
export function rowsOf(methods: ContactMethod[]): MethodRow[] {
  return methods.map((m) => (m.channel === 'email' ? { channel: 'email', to: m.target } : { channel: m.channel, shown: m.target, keep: m.position, keptChannel: m.channel }));
}

/** A saved robot the person did not touch: same channel, no new address typed. */
export const isKept = (row: MethodRow) => row.keep !== undefined && row.channel === row.keptChannel && !(row.url ?? '').trim();

export function inputOf(row: MethodRow): ContactMethodInput | KeptContactMethod {
  if (isKept(row)) return { keep: row.keep! };
  const url = (row.url ?? '').trim();
  const secret = (row.secret ?? '').trim();
  switch (row.channel) {
    case 'email':
      return { channel: 'email', to: (row.to ?? '').trim() };
    case 'wecom':
      return { channel: 'wecom', url };
    case 'webhook':
      return { channel: 'webhook', url, secret };
    default:
      return { channel: row.channel, url, ...(secret ? { secret } : {}) };
  }
}

/** The ordered list of methods being edited: add, remove, move up and down, fields per channel. */
export function ContactMethodsEditor({ form }: { form: FormInstance<{ methods: MethodRow[] }> }) {
  const nt = useNt();
  // preserve: also the fields no Form.Item shows (a saved robot's shown host and kept position).
  const rows = (Form.useWatch('methods', { form, preserve: true }) ?? []) as MethodRow[];
  const required = (field: string) => ({ required: true, whitespace: true, message: nt('contacts.required', { field }) });
  return (
    <Form.List name="methods">
      {(fields, { add, remove, move }) => (
        <>
          {fields.map((field, index) => {
            const row: MethodRow = rows[field.name] ?? (form.getFieldValue(['methods', field.name]) as MethodRow | undefined) ?? { channel: 'email' };
            const channel = row.channel;
            return (
              <Card key={field.key} size="small" style={{ marginBottom: 8 }} data-testid="contact-row">
                <Flex gap={6} align="center" style={{ marginBottom: 8 }}>
                  <Typography.Text strong>{index + 1}.</Typography.Text>
                  <Form.Item name={[field.name, 'channel']} noStyle>
                    <Select
                      style={{ flex: 1, minWidth: 0 }}
                      aria-label={nt('contacts.channel')}
                      options={CHANNELS.map((value) => ({ value, label: nt(`channel.${value}`) }))}
                    />
                  </Form.Item>
                  <Button size="small" icon={<ArrowUpOutlined />} aria-label={nt('contacts.moveUp')} disabled={index === 0} onClick={() => move(index, index - 1)} />
                  <Button size="small" icon={<ArrowDownOutlined />} aria-label={nt('contacts.moveDown')} disabled={index === fields.length - 1} onClick={() => move(index, index + 1)} />
                  <Button size="small" danger icon={<DeleteOutlined />} aria-label={nt('contacts.remove')} onClick={() => remove(field.name)} />
                </Flex>
                {channel === 'email' ? (
                  <Form.Item name={[field.name, 'to']} label={nt('contacts.to')} rules={[required(nt('contacts.to')), { type: 'email', message: nt('contacts.invalidEmail') }]} style={{ marginBottom: 0 }}>
                    <Input type="email" maxLength={200} autoComplete="off" />
                  </Form.Item>
                ) : (
                  <>
                    {isKept(row) && (
                      <div data-testid="contact-kept">
                        <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginBottom: 6 }}>
                          {nt('contacts.kept', { target: row.shown ?? '' })}
                        </Typography.Paragraph>
                      </div>
                    )}
                    <Form.Item
                      name={[field.name, 'url']}
                      label={nt('contacts.url')}
                      rules={isKept(row) ? [] : [required(nt('contacts.url')), { pattern: /^https?:\/\/\S+$/i, message: nt('contacts.invalidUrl') }]}
                      style={{ marginBottom: channel === 'wecom' ? 0 : 8 }}
                    >
                      <Input maxLength={1000} placeholder={row.shown ? `https://${row.shown}/…` : 'https://'} autoComplete="off" />
                    </Form.Item>
                    {channel !== 'wecom' && (
                      <Form.Item
                        name={[field.name, 'secret']}
                        label={nt(channel === 'webhook' ? 'contacts.secret' : 'contacts.secretOptional')}
                        rules={channel === 'webhook' && !isKept(row) ? [required(nt('contacts.secret'))] : []}
                        style={{ marginBottom: 0 }}
                      >
                        <Input.Password maxLength={200} autoComplete="new-password" />
                      </Form.Item>
                    )}
                  </>
                )}
              </Card>
            );
          })}
          <Button
            type="dashed"
            block
            icon={<PlusOutlined />}
            disabled={fields.length >= CONTACT_METHODS_MAX}
            onClick={() => add({ channel: 'email' } satisfies MethodRow)}
            data-testid="contact-add"
          >
            {fields.length >= CONTACT_METHODS_MAX ? nt('contacts.max', { max: CONTACT_METHODS_MAX }) : nt('contacts.add')}
          </Button>
        </>
      )}
    </Form.List>
  );
}
