import { Alert, App, Button, Drawer, Form, Grid, Input, Typography } from 'antd';
import { useState } from 'react';
import { applyProblem } from '../../components/form-errors.js';
import { incidentsApi, type AfterActionInput, type Incident } from './api.js';
import { TEXT_MAX } from './format.js';
import { FollowUps } from './FollowUps.js';
import { withoutFieldPrefix } from './field-errors.js';
import { useIncidentText, type IncidentsKey } from './i18n.js';

const FIELDS: { name: Exclude<keyof AfterActionInput, 'followUps'>; label: IncidentsKey; optional?: boolean }[] = [
  { name: 'whatHappened', label: 'close.whatHappened' },
  { name: 'causes', label: 'close.causes' },
  { name: 'actionsTaken', label: 'close.actionsTaken' },
  { name: 'losses', label: 'close.losses', optional: true },
  { name: 'lessons', label: 'close.lessons' },
];

interface Props {
  incident: Incident;
  open: boolean;
  onClose: () => void;
  onClosed: () => void;
}

/** The after-action report (书面报告) that closes the incident, with its follow-up tasks. */
export function CloseDrawer({ incident, open, onClose, onClosed }: Props) {
  const it = useIncidentText();
  const { message } = App.useApp();
  const screens = Grid.useBreakpoint();
  const [form] = Form.useForm<AfterActionInput>();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const undone = incident.steps.filter((s) => s.state !== 'done').length;

  const submit = async (values: AfterActionInput) => {
    setBusy(true);
    setFailure(null);
    try {
      await incidentsApi.close(incident.id, {
        ...values,
        losses: values.losses ?? '',
        followUps: values.followUps ?? [],
      });
      message.success(it('close.done'));
      onClosed();
    } catch (error) {
      // The server names fields as report.causes, report.followUps.0.ownerId: strip the prefix.
      const rest = applyProblem(form, withoutFieldPrefix(error, 'report.'));
      if (rest) setFailure(rest);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Drawer
      open={open}
      onClose={onClose}
      title={it('close.title')}
      size={screens.md ? 620 : '100%'}
      rootClassName="steady-close-drawer"
      destroyOnHidden
      footer={
        <Button
          type="primary"
          danger
          block
          size="large"
          loading={busy}
          onClick={() => form.submit()}
          data-testid="close-submit"
        >
          {it('close.submit')}
        </Button>
      }
    >
      <Typography.Paragraph type="secondary">{it('close.intro')}</Typography.Paragraph>
      {undone > 0 && (
        <Alert type="warning" showIcon title={it('close.warnMissing', { n: undone })} style={{ marginBottom: 12 }} />
      )}
      <Form<AfterActionInput>
        form={form}
        layout="vertical"
        requiredMark="optional"
        initialValues={{ whatHappened: incident.description, followUps: [] }}
        onFinish={(values) => void submit(values)}
        data-testid="close-form"
      >
        {FIELDS.map((field) => (
          <Form.Item
            key={field.name}
            name={field.name}
            label={it(field.label)}
            rules={
              field.optional
                ? []
                : [{ required: true, whitespace: true, message: it('report.required', { field: it(field.label) }) }]
            }
          >
            <Input.TextArea rows={field.name === 'whatHappened' ? 4 : 3} maxLength={TEXT_MAX} />
          </Form.Item>
        ))}
        <Typography.Title level={5}>{it('close.followUps')}</Typography.Title>
        <Typography.Paragraph type="secondary">{it('close.followUpsHint')}</Typography.Paragraph>
        <FollowUps unitId={incident.unitId} />
        {failure && <Alert type="error" showIcon title={failure} style={{ marginTop: 12 }} />}
      </Form>
    </Drawer>
  );
}
