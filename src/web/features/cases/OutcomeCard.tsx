import { Alert, App, Button, Card, Flex, Form, Input, Popconfirm, Radio, Typography } from 'antd';
import { useState } from 'react';
import { ApiError } from '../../api/client.js';
import { applyProblem } from '../../components/form-errors.js';
import { useLocale } from '../../i18n/index.js';
import { casesApi, TEXT_MAX, type Case } from './api.js';
import { useCaseText } from './i18n.js';
import { formatDay } from './labels.js';
import { DateField } from '../../components/date-fields/DateField.js';

interface Values {
  outcome: 'agreement' | 'no_agreement';
  text: string;
  followUpDate?: string;
}

/** The server names agreementText or reason; both are the one text field of this form. */
function toTextField(error: unknown): unknown {
  if (!(error instanceof ApiError) || !error.fieldErrors.length) return error;
  const errors = error.fieldErrors.map((e) =>
    e.field === 'agreementText' || e.field === 'reason' ? { ...e, field: 'text' } : e,
  );
  return new ApiError({ ...error.problem, errors });
}

/** The outcome — an agreement, or none and why — with a follow-up date; then closing the case. */
export function OutcomeCard({ item, onChanged }: { item: Case; onChanged: () => void }) {
  const ct = useCaseText();
  const { locale } = useLocale();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [editing, setEditing] = useState(item.outcome === null);
  const outcome = Form.useWatch('outcome', form) ?? item.outcome ?? 'agreement';

  const submit = async (values: Values) => {
    setBusy(true);
    setFailure(null);
    try {
      const followUpDate = values.followUpDate || undefined;
      const text = values.text.trim();
      await casesApi.recordOutcome(
        item.id,
        values.outcome === 'agreement'
          ? { outcome: 'agreement', agreementText: text, followUpDate }
          : { outcome: 'no_agreement', reason: text, followUpDate },
      );
      message.success(ct('outcome.saved'));
      setEditing(false);
      onChanged();
    } catch (error) {
      setFailure(applyProblem(form, toTextField(error)));
    } finally {
      setBusy(false);
    }
  };

  const close = async () => {
    try {
      await casesApi.close(item.id);
      message.success(ct('outcome.closed'));
      onChanged();
    } catch (error) {
      message.error(applyProblem(null, error));
    }
  };

  const recorded = item.outcome !== null && !editing;
  return (
    <Card size="small" title={ct('outcome.title')} data-testid="outcome">
      {recorded && (
        <Flex vertical gap={6}>
          <Typography.Text strong data-testid="outcome-kind">
            {ct(`outcome.${item.outcome!}`)}
          </Typography.Text>
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>
            {item.agreementText ?? item.noAgreementReason}
          </Typography.Paragraph>
          {item.followUpDate && (
            <Typography.Text type="secondary">
              {ct('case.followUp')}: {formatDay(item.followUpDate, locale)}
            </Typography.Text>
          )}
          {item.outcome === 'agreement' && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {ct('outcome.courtNote')}
            </Typography.Text>
          )}
          {item.status !== 'closed' && (
            <Flex gap={8} wrap style={{ marginTop: 6 }}>
              <Button onClick={() => setEditing(true)}>{ct('outcome.change')}</Button>
              <Popconfirm
                title={ct('outcome.closeConfirm')}
                okText={ct('outcome.close')}
                cancelText={ct('common.cancel')}
                onConfirm={() => void close()}
              >
                <Button type="primary" data-testid="close-case">
                  {ct('outcome.close')}
                </Button>
              </Popconfirm>
            </Flex>
          )}
        </Flex>
      )}
      {!recorded && item.status !== 'closed' && (
        <Form<Values>
          form={form}
          layout="vertical"
          requiredMark={false}
          disabled={busy}
          onFinish={(values) => void submit(values)}
          initialValues={{
            outcome: item.outcome ?? 'agreement',
            text: item.agreementText ?? item.noAgreementReason ?? '',
            followUpDate: item.followUpDate ?? undefined,
          }}
          data-testid="outcome-form"
        >
          <Form.Item name="outcome">
            <Radio.Group
              optionType="button"
              buttonStyle="solid"
              options={[
                { value: 'agreement', label: ct('outcome.agreement') },
                { value: 'no_agreement', label: ct('outcome.no_agreement') },
              ]}
            />
          </Form.Item>
          <Form.Item
            name="text"
            label={ct(outcome === 'agreement' ? 'outcome.agreementText' : 'outcome.reason')}
            rules={[
              {
                required: true,
                whitespace: true,
                message: ct('form.required', {
                  field: ct(outcome === 'agreement' ? 'outcome.agreementText' : 'outcome.reason'),
                }),
              },
            ]}
          >
            <Input.TextArea
              rows={3}
              maxLength={TEXT_MAX}
              placeholder={ct(outcome === 'agreement' ? 'outcome.agreementPlaceholder' : 'outcome.reasonPlaceholder')}
              style={{ fontSize: 16 }}
            />
          </Form.Item>
          <Form.Item name="followUpDate" label={ct('outcome.followUpDate')} extra={ct('outcome.followUpHint')}>
            <DateField />
          </Form.Item>
          {failure && <Alert type="error" showIcon title={failure} style={{ marginBottom: 12 }} />}
          <Flex gap={8}>
            {item.outcome !== null && <Button onClick={() => setEditing(false)}>{ct('common.cancel')}</Button>}
            <Button type="primary" htmlType="submit" loading={busy} style={{ flex: 1 }}>
              {ct('outcome.save')}
            </Button>
          </Flex>
        </Form>
      )}
    </Card>
  );
}
