import { Alert, App, Button, Card, Flex, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { DIRECTIVE_REPLY_MAX } from '../../../common/schemas/directives.js';
import { applyProblem } from '../../components/form-errors.js';
import { formatDateTime } from '../../components/format.js';
import { useLocale } from '../../i18n/index.js';
import { directivesApi, type Directive, type DirectiveTarget } from './api.js';
import { useDirectiveText } from './i18n.js';
import { replyTag, signTag } from './states.js';

/** One of the caller's own units: sign for it, then reply. */
export function UnitActions({
  directive,
  target,
  onChange,
}: {
  directive: Directive;
  target: DirectiveTarget;
  onChange: (d: Directive) => void;
}) {
  const dt = useDirectiveText();
  const { locale } = useLocale();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ text: string }>();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const time = (iso: string) => formatDateTime(iso, locale);

  const run = async (work: () => Promise<Directive>, done: string) => {
    setBusy(true);
    setFailure(null);
    try {
      onChange(await work());
      message.success(done);
    } catch (error) {
      setFailure(applyProblem(form, error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card
      size="small"
      title={dt('detail.forUnit', { unit: target.unitName })}
      extra={signTag(dt, { ...target, signDueAt: directive.signDueAt })}
      data-testid="unit-actions"
    >
      {!target.signedAt ? (
        <Flex vertical gap={8}>
          <Typography.Text type="secondary">{dt('detail.signHint')}</Typography.Text>
          <Button
            type="primary"
            className="steady-dir-sign"
            block
            loading={busy}
            onClick={() => void run(() => directivesApi.sign(directive.id, target.unitId), dt('detail.signedToast'))}
            data-testid="sign"
          >
            {dt('detail.sign')}
          </Button>
        </Flex>
      ) : (
        <Flex vertical gap={8}>
          <Typography.Text>
            {dt('detail.signedAt', { time: time(target.signedAt), name: target.signedBy ?? '—' })}
          </Typography.Text>
          {target.repliedAt ? (
            <div>
              <Flex gap={6} align="center">
                {replyTag(dt, { ...target, replyDueAt: directive.replyDueAt })}
                <Typography.Text type="secondary">
                  {dt('detail.repliedAt', { time: time(target.repliedAt), name: target.repliedBy ?? '—' })}
                </Typography.Text>
              </Flex>
              <div className="steady-dir-reply">{target.replyText}</div>
            </div>
          ) : (
            <Form
              form={form}
              layout="vertical"
              requiredMark={false}
              disabled={busy}
              onFinish={({ text }) =>
                void run(() => directivesApi.reply(directive.id, target.unitId, text.trim()), dt('detail.repliedToast'))
              }
            >
              <Form.Item
                name="text"
                label={dt('detail.reply')}
                rules={[{ required: true, whitespace: true, message: dt('detail.replyRequired') }]}
                style={{ marginBottom: 8 }}
              >
                <Input.TextArea
                  rows={3}
                  maxLength={DIRECTIVE_REPLY_MAX}
                  placeholder={dt('detail.replyPlaceholder')}
                  style={{ fontSize: 16 }}
                  data-testid="reply-text"
                />
              </Form.Item>
              <Button htmlType="submit" loading={busy} block data-testid="reply-send">
                {dt('detail.replySend')}
              </Button>
            </Form>
          )}
        </Flex>
      )}
      {failure && <Alert type="error" showIcon title={failure} style={{ marginTop: 10 }} />}
    </Card>
  );
}
