import { CheckOutlined, SendOutlined } from '@ant-design/icons';
import { App, Button, Form, Input } from 'antd';
import { useState } from 'react';
import { applyProblem } from '../../components/form-errors.js';
import { incidentsApi, type IncidentStep } from './api.js';
import { TEXT_MAX } from './format.js';
import { useIncidentText } from './i18n.js';

/** What the signed-in person does on their step: acknowledge a notification, or file the report. */
export function StepAction({
  incidentId,
  step,
  onDone,
}: {
  incidentId: string;
  step: IncidentStep;
  onDone: () => void;
}) {
  const it = useIncidentText();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<{ text: string }>();

  const run = async (work: () => Promise<void>, done: string) => {
    setBusy(true);
    try {
      await work();
      message.success(done);
      onDone();
    } catch (error) {
      const rest = applyProblem(form, error);
      if (rest) message.error(rest);
    } finally {
      setBusy(false);
    }
  };

  if (step.kind === 'notify') {
    return (
      <Button
        type="primary"
        size="large"
        block
        icon={<CheckOutlined />}
        loading={busy}
        data-testid="acknowledge"
        onClick={() => void run(() => incidentsApi.acknowledge(incidentId, step.id), it('step.acknowledged'))}
        style={{ marginTop: 8 }}
      >
        {it('step.acknowledge')}
      </Button>
    );
  }
  return (
    <Form
      form={form}
      layout="vertical"
      style={{ marginTop: 8 }}
      onFinish={({ text }) =>
        void run(() => incidentsApi.fileReport(incidentId, step.id, text.trim()), it('step.filed'))
      }
      data-testid="file-report"
    >
      <Form.Item
        name="text"
        label={it('step.reportText')}
        rules={[{ required: true, whitespace: true, message: it('report.required', { field: it('step.reportText') }) }]}
      >
        <Input.TextArea rows={4} maxLength={TEXT_MAX} placeholder={it('step.reportPlaceholder')} />
      </Form.Item>
      <Button type="primary" htmlType="submit" size="large" block icon={<SendOutlined />} loading={busy}>
        {it('step.fileReport')}
      </Button>
    </Form>
  );
}
