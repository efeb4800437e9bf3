import { Form, InputNumber, Modal, Typography } from 'antd';
import { useFormSubmit } from '../../components/useFormSubmit.js';
import { rollCallsApi, type RollCall, type StartRollCall } from './api.js';
import { useRollCallText } from './i18n.js';

interface Props {
  /** The unit, and the drill or incident it is started from. */
  body: StartRollCall;
  onClose: () => void;
  onStarted: (rollCall: RollCall) => void;
}

/** Starting a roll call: a confirmation and the target time (the plan's unless given). */
export function StartModal({ body, onClose, onStarted }: Props) {
  const rt = useRollCallText();
  const [form] = Form.useForm<{ targetSeconds?: number | null }>();
  const { busy, submit } = useFormSubmit<{ targetSeconds?: number | null }>(form, async (values) => {
    const started = await rollCallsApi.start({
      ...body,
      ...(values.targetSeconds ? { targetSeconds: values.targetSeconds } : {}),
    });
    onStarted(started);
  });
  return (
    <Modal
      open
      title={rt('page.start')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={rt('page.start')}
      confirmLoading={busy}
      okButtonProps={{ 'data-testid': 'start-ok' }}
    >
      <Typography.Paragraph>{rt('page.startConfirm')}</Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={(values) => void submit(values)}>
        <Form.Item name="targetSeconds" label={rt('page.target')} extra={rt('page.targetHint')}>
          <InputNumber min={30} max={3600} step={30} style={{ width: 160 }} data-testid="start-target" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
