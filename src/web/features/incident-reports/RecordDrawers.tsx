import { App, Button, Drawer, Form, Input, Segmented, Typography } from 'antd';
import { useState } from 'react';
import { VERBAL_CHANNELS, type Casualties } from '../../../common/schemas/incident-reports.js';
import { useFormSubmit } from '../../components/useFormSubmit.js';
import { reportsApi, type IncidentReporting } from './api.js';
import { CasualtyGrid } from './CasualtyGrid.js';
import { useReportText } from './i18n.js';
import { DateTimeField } from '../../components/date-fields/DateTimeField.js';

interface DrawerProps {
  incidentId: string;
  open: boolean;
  onClose: () => void;
  onDone: (reporting: IncidentReporting) => void;
}

/** 口头报告: whom the unit above heard it from, by phone or in person, and when (at most now). */
export function VerbalDrawer({ incidentId, open, onClose, onDone }: DrawerProps) {
  const rt = useReportText();
  const { message } = App.useApp();
  const [form] = Form.useForm<{
    toWhom: string;
    channel: (typeof VERBAL_CHANNELS)[number];
    at: string;
    summary: string;
  }>();
  const { busy, submit } = useFormSubmit(
    form,
    async (v: { toWhom: string; channel: (typeof VERBAL_CHANNELS)[number]; at: string; summary: string }) => {
      onDone(
        await reportsApi.verbal(incidentId, {
          toWhom: v.toWhom.trim(),
          channel: v.channel,
          at: v.at,
          summary: v.summary.trim(),
        }),
      );
      message.success(rt('verbal.saved'));
      form.resetFields();
    },
  );
  const required = (field: string) => [{ required: true, whitespace: true, message: rt('form.required', { field }) }];
  return (
    <Drawer
      title={rt('verbal.title')}
      open={open}
      onClose={onClose}
      placement="bottom"
      size="auto"
      destroyOnHidden
      data-testid="verbal-drawer"
    >
      <Form
        form={form}
        layout="vertical"
        requiredMark={false}
        initialValues={{ channel: 'phone', at: new Date().toISOString() }}
        onFinish={(v) => void submit(v)}
      >
        <Form.Item name="toWhom" label={rt('verbal.toWhom')} rules={required(rt('verbal.toWhom'))}>
          <Input maxLength={200} data-testid="verbal-to" />
        </Form.Item>
        <Form.Item name="channel" label={rt('verbal.channel')}>
          <Segmented options={VERBAL_CHANNELS.map((c) => ({ value: c, label: rt(`channel.${c}`) }))} />
        </Form.Item>
        <Form.Item name="at" label={rt('verbal.at')} rules={required(rt('verbal.at'))}>
          <DateTimeField max="now" data-testid="verbal-at" />
        </Form.Item>
        <Form.Item name="summary" label={rt('verbal.summary')} rules={required(rt('verbal.summary'))}>
          <Input.TextArea rows={3} maxLength={2000} style={{ fontSize: 16 }} data-testid="verbal-summary" />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={busy} data-testid="verbal-save">
          {rt('verbal.save')}
        </Button>
      </Form>
    </Drawer>
  );
}

/** New casualty figures; after the final report the server opens a 补报 with its deadline. */
export function CasualtiesDrawer({
  incidentId,
  open,
  onClose,
  onDone,
  current,
}: DrawerProps & { current: Casualties }) {
  const rt = useReportText();
  const { message } = App.useApp();
  const [figures, setFigures] = useState<Casualties>(current);
  const [form] = Form.useForm<{ note: string }>();
  const { busy, submit } = useFormSubmit(form, async ({ note }: { note: string }) => {
    const after = await reportsApi.casualties(incidentId, figures, note.trim());
    message.success(rt(after.casualties.changes.at(-1)?.supplementId ? 'cas.supplement' : 'cas.saved'));
    onDone(after);
  });
  return (
    <Drawer
      title={rt('cas.title')}
      open={open}
      onClose={onClose}
      placement="bottom"
      size="auto"
      destroyOnHidden
      afterOpenChange={(o) => o && setFigures(current)}
      data-testid="casualties-drawer"
    >
      <Typography.Paragraph type="secondary">{rt('cas.hint')}</Typography.Paragraph>
      <CasualtyGrid value={figures} onChange={setFigures} />
      <Form
        form={form}
        layout="vertical"
        requiredMark={false}
        onFinish={(v) => void submit(v)}
        style={{ marginTop: 12 }}
      >
        <Form.Item
          name="note"
          label={rt('cas.note')}
          rules={[{ required: true, whitespace: true, message: rt('form.required', { field: rt('cas.note') }) }]}
        >
          <Input.TextArea rows={2} maxLength={2000} style={{ fontSize: 16 }} data-testid="casualty-note" />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={busy} data-testid="casualty-save">
          {rt('cas.save')}
        </Button>
      </Form>
    </Drawer>
  );
}
