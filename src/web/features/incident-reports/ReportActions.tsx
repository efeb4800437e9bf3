import { CheckOutlined, RollbackOutlined, SendOutlined, UploadOutlined } from '@ant-design/icons';
import { App, Button, Drawer, Flex, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { applyProblem } from '../../components/form-errors.js';
import { useFormSubmit } from '../../components/useFormSubmit.js';
import { reportsApi, type ReportView } from './api.js';
import { useReportText } from './i18n.js';
import { DateTimeField } from '../../components/date-fields/DateTimeField.js';

/** 退回补充: what must be added, and by when the corrected version must be in. */
function ReturnDrawer({
  report,
  open,
  onClose,
  onDone,
}: {
  report: ReportView;
  open: boolean;
  onClose: () => void;
  onDone: (r: ReportView) => void;
}) {
  const rt = useReportText();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reason: string; dueAt: string }>();
  const { busy, submit } = useFormSubmit(form, async ({ reason, dueAt }: { reason: string; dueAt: string }) => {
    onDone(await reportsApi.returnForMore(report.id, reason.trim(), dueAt));
    message.success(rt('report.returnedToast'));
  });
  return (
    <Drawer
      title={rt('report.return')}
      open={open}
      onClose={onClose}
      placement="bottom"
      size="auto"
      destroyOnHidden
      data-testid="return-drawer"
    >
      <Form
        form={form}
        layout="vertical"
        requiredMark={false}
        initialValues={{ dueAt: new Date(Date.now() + 60 * 60_000).toISOString() }}
        onFinish={(v) => void submit(v)}
      >
        <Form.Item
          name="reason"
          label={rt('report.returnReason')}
          rules={[
            { required: true, whitespace: true, message: rt('form.required', { field: rt('report.returnReason') }) },
          ]}
        >
          <Input.TextArea rows={3} maxLength={2000} style={{ fontSize: 16 }} data-testid="return-reason" />
        </Form.Item>
        <Form.Item
          name="dueAt"
          label={rt('report.returnDue')}
          rules={[{ required: true, message: rt('form.required', { field: rt('report.returnDue') }) }]}
        >
          <DateTimeField min="now" data-testid="return-due" />
        </Form.Item>
        <Button type="primary" danger htmlType="submit" block loading={busy} data-testid="return-send">
          {rt('report.returnSend')}
        </Button>
      </Form>
    </Drawer>
  );
}

/**
 * What the signed-in person may do with the report now: the head signs it off, the handler sends
 * it; the unit above accepts it, returns it for more, or forwards it upward.
 */
export function ReportActions({
  report,
  onChanged,
  beforeSignOff,
}: {
  report: ReportView;
  onChanged: (r: ReportView) => void;
  beforeSignOff?: () => Promise<boolean>;
}) {
  const rt = useReportText();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [busy, setBusy] = useState<string | null>(null);
  const [returning, setReturning] = useState(false);
  const run = async (name: string, work: () => Promise<ReportView>, done: string) => {
    setBusy(name);
    try {
      const next = await work();
      message.success(done);
      if (next.id === report.id) onChanged(next);
      else navigate(`/incident-reports/${next.id}`);
    } catch (error) {
      message.error(applyProblem(null, error));
    } finally {
      setBusy(null);
    }
  };
  const signOff = async () => {
    if (beforeSignOff && !(await beforeSignOff())) return;
    await run('sign', () => reportsApi.signOff(report.id), rt('report.signedOff'));
  };
  const { can } = report;
  if (!can.signOff && !can.send && !can.receive && !can.forward) return null;
  return (
    <Flex vertical gap={8} data-testid="report-actions">
      {can.signOff && (
        <>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {rt('report.signOffHint')}
          </Typography.Text>
          <Button
            type="primary"
            size="large"
            block
            icon={<CheckOutlined />}
            loading={busy === 'sign'}
            disabled={busy !== null}
            onClick={() => void signOff()}
            data-testid="sign-off"
          >
            {rt('report.signOff')}
          </Button>
        </>
      )}
      {can.send && (
        <Button
          type="primary"
          size="large"
          block
          icon={<SendOutlined />}
          loading={busy === 'send'}
          disabled={busy !== null}
          onClick={() => void run('send', () => reportsApi.send(report.id), rt('report.sent'))}
          data-testid="send"
        >
          {rt('report.send')}
        </Button>
      )}
      {can.receive && (
        <Flex gap={8}>
          <Button
            type="primary"
            style={{ flex: 1 }}
            icon={<CheckOutlined />}
            loading={busy === 'accept'}
            disabled={busy !== null}
            onClick={() => void run('accept', () => reportsApi.accept(report.id), rt('report.accepted'))}
            data-testid="accept"
          >
            {rt('report.accept')}
          </Button>
          <Button
            danger
            style={{ flex: 1 }}
            icon={<RollbackOutlined />}
            disabled={busy !== null}
            onClick={() => setReturning(true)}
            data-testid="return"
          >
            {rt('report.return')}
          </Button>
        </Flex>
      )}
      {can.forward && (
        <Button
          icon={<UploadOutlined />}
          loading={busy === 'forward'}
          disabled={busy !== null}
          onClick={() => void run('forward', () => reportsApi.forward(report.id), rt('report.forwarded'))}
          data-testid="forward"
        >
          {rt('report.forward')}
        </Button>
      )}
      <ReturnDrawer
        report={report}
        open={returning}
        onClose={() => setReturning(false)}
        onDone={(r) => {
          setReturning(false);
          onChanged(r);
        }}
      />
    </Flex>
  );
}
