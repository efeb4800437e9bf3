import { App, Button, Card, Empty, Flex, Form, Input, Popconfirm, Select, Tag, Typography } from 'antd';
import { useState } from 'react';
import { applyProblem } from '../../components/form-errors.js';
import { LoadError } from '../../components/LoadError.js';
import { PageTitle } from '../../components/PageTitle.js';
import { useResource } from '../../components/useResource.js';
import { useMe } from '../auth/session.js';
import { useLive } from '../notifications/live.js';
import { dutyApi, leaveApi, type LeaveView, type NewLeave } from './api.js';
import { DutyTabs } from './DutyTabs.js';
import { useDutyText } from './i18n.js';
import { PersonLine } from './PersonLine.js';
import './duty.css';
import { useFormSubmit } from '../../components/useFormSubmit.js';
import { DateField } from '../../components/date-fields/DateField.js';

const STATE_COLOURS: Record<LeaveView['state'], string> = {
  requested: 'orange',
  approved: 'green',
  refused: 'red',
  recorded: 'blue',
  cancelled: 'default',
};

/** A head asks for leave (or records it); the parent unit decides; everyone sees who is away and who acts. */
export default function LeavePage() {
  const dt = useDutyText();
  const me = useMe();
  const list = useResource(() => leaveApi.list(), []);
  const away = useResource(() => leaveApi.awayNow(), []);
  const reload = () => (list.reload(), away.reload());
  useLive(() => reload());
  const headOf = me.scopes.filter((s) => s.roles.includes('accountable_head'));
  const waiting = (list.data ?? []).filter((l) => l.mayDecide);

  return (
    <div data-testid="leave-page">
      <PageTitle title={dt('leave.title')} />
      <DutyTabs />
      {list.error ? <LoadError error={list.error} onRetry={reload} /> : null}
      <div className="duty-tools">
        {headOf.length > 0 && (
          <LeaveRequestCard units={headOf.map((s) => ({ id: s.unitId, name: s.unitName }))} onDone={reload} />
        )}
        {waiting.length > 0 && (
          <Card
            size="small"
            title={dt('leave.waitingTitle', { n: waiting.length })}
            className="duty-inbox"
            data-testid="leave-waiting"
          >
            {waiting.map((l) => (
              <LeaveDecision key={l.id} leave={l} onDone={reload} />
            ))}
          </Card>
        )}
        <Card size="small" title={dt('away.title')} data-testid="away-now">
          {(away.data ?? []).length === 0 ? (
            <Typography.Text type="secondary">{dt('away.none')}</Typography.Text>
          ) : (
            away.data!.map((l) => (
              <div key={l.id} className="duty-request">
                <span>
                  <strong>{l.unitName}</strong> ·{' '}
                  {dt('away.line', { head: l.head.name, from: l.startDate, to: l.endDate })}
                </span>
                <PersonLine person={l.deputy} tag={dt('shift.acting')} />
              </div>
            ))
          )}
        </Card>
        <Card size="small" title={dt('leave.historyTitle')}>
          {(list.data ?? []).length === 0 ? (
            <Empty />
          ) : (
            list.data!.map((l) => (
              <div key={l.id} className="duty-request" data-testid="leave-row">
                <div>
                  <strong>{l.unitName}</strong> {l.head.name} · {l.startDate} – {l.endDate}{' '}
                  <Tag color={STATE_COLOURS[l.state]}>{dt(`leave.state.${l.state}`)}</Tag>
                  <div>
                    <Typography.Text type="secondary">
                      {dt('leave.deputyLine', { deputy: l.deputy.name })} · {l.reason}
                      {l.decisionNote ? ` · ${l.decisionNote}` : ''}
                    </Typography.Text>
                  </div>
                </div>
                {l.head.id === me.personId &&
                  ['requested', 'approved', 'recorded'].includes(l.state) &&
                  Date.parse(l.endsAt) > Date.now() && (
                    <Popconfirm
                      title={dt('leave.cancelConfirm')}
                      onConfirm={() => void leaveApi.cancel(l.id).then(reload)}
                    >
                      <Button size="small">{dt('leave.cancel')}</Button>
                    </Popconfirm>
                  )}
              </div>
            ))
          )}
        </Card>
      </div>
    </div>
  );
}

function LeaveRequestCard({ units, onDone }: { units: { id: string; name: string }[]; onDone: () => void }) {
  const dt = useDutyText();
  const { message } = App.useApp();
  const [form] = Form.useForm<NewLeave>();
  const unitId = Form.useWatch('unitId', form) ?? units[0]?.id;
  const people = useResource(() => (unitId ? dutyApi.people(unitId) : Promise.resolve([])), [unitId]);
  const me = useMe();
  const { busy, submit } = useFormSubmit(form, async (values: NewLeave) => {
    const made = await leaveApi.request({ ...values, unitId: values.unitId ?? units[0]!.id });
    message.success(dt(made.state === 'requested' ? 'leave.sent' : 'leave.recorded'));
    form.resetFields();
    onDone();
  });
  return (
    <Card size="small" title={dt('leave.requestTitle')} data-testid="leave-request">
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        {dt('leave.explain')}
      </Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={(v) => void submit(v)} initialValues={{ unitId: units[0]?.id }}>
        {units.length > 1 && (
          <Form.Item name="unitId" label={dt('leave.unit')}>
            <Select options={units.map((u) => ({ value: u.id, label: u.name }))} />
          </Form.Item>
        )}
        <Flex gap={8} wrap>
          <Form.Item
            name="startDate"
            label={dt('leave.startDate')}
            rules={[{ required: true, message: dt('leave.dateRequired') }]}
          >
            <DateField style={{ width: 150 }} />
          </Form.Item>
          <Form.Item
            name="endDate"
            label={dt('leave.endDate')}
            rules={[{ required: true, message: dt('leave.dateRequired') }]}
          >
            <DateField style={{ width: 150 }} />
          </Form.Item>
        </Flex>
        <Form.Item
          name="deputyId"
          label={dt('leave.deputy')}
          rules={[{ required: true, message: dt('leave.deputyRequired') }]}
        >
          <Select
            options={(people.data ?? [])
              .filter((p) => p.id !== me.personId)
              .map((p) => ({ value: p.id, label: p.name }))}
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={dt('common.pickPerson')}
          />
        </Form.Item>
        <Form.Item
          name="reason"
          label={dt('leave.reason')}
          rules={[{ required: true, whitespace: true, message: dt('leave.reasonRequired') }]}
        >
          <Input.TextArea rows={2} maxLength={1000} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy}>
          {dt('leave.submit')}
        </Button>
      </Form>
    </Card>
  );
}

function LeaveDecision({ leave, onDone }: { leave: LeaveView; onDone: () => void }) {
  const dt = useDutyText();
  const { message } = App.useApp();
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState<boolean | null>(null);
  const decide = async (approve: boolean) => {
    setBusy(approve);
    try {
      await leaveApi.decide(leave.id, approve, note);
      message.success(dt(approve ? 'leave.approvedMsg' : 'leave.refusedMsg'));
      onDone();
    } catch (error) {
      message.error(applyProblem(null, error));
    } finally {
      setBusy(null);
    }
  };
  return (
    <div className="duty-request" data-testid="leave-decision">
      <div>
        <strong>{leave.unitName}</strong> {leave.head.name} · {leave.startDate} – {leave.endDate}
        <div>
          <Typography.Text type="secondary">
            {dt('leave.deputyLine', { deputy: leave.deputy.name })} · {leave.reason}
          </Typography.Text>
        </div>
        <Input
          size="small"
          value={note}
          onChange={(e) => setNote(e.target.value)}
          placeholder={dt('leave.notePlaceholder')}
          maxLength={1000}
          style={{ marginTop: 6 }}
        />
      </div>
      <Flex gap={6}>
        <Button size="small" type="primary" loading={busy === true} onClick={() => void decide(true)}>
          {dt('leave.approve')}
        </Button>
        <Button size="small" danger loading={busy === false} onClick={() => void decide(false)}>
          {dt('leave.refuse')}
        </Button>
      </Flex>
    </div>
  );
}
