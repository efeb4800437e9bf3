import { FlagFilled } from '@ant-design/icons';
import { App, Button, Card, Flex, Form, Input, Tag, Typography } from 'antd';
import { useState } from 'react';
import { formatDateTime } from '../../components/format.js';
import { useLocale } from '../../i18n/index.js';
import { incidentsApi, type Incident, type IncidentFlag } from './api.js';
import { duration, TEXT_MAX } from './format.js';
import { useIncidentText, type IncidentsT } from './i18n.js';
import { useFormSubmit } from '../../components/useFormSubmit.js';
import { stageFlagDetail } from '../incident-reports/event-sentences.js';
import { useReportText } from '../incident-reports/i18n.js';

const FLAG_COLOURS = { late: 'orange', missing: 'volcano', concealed: 'red' } as const;

function flagDetail(it: IncidentsT, flag: IncidentFlag, time: (iso: string) => string): string {
  const d = flag.detail ?? {};
  const n = typeof d.position === 'number' ? d.position + 1 : 1;
  if (flag.kind === 'late')
    return it('flag.detail.late', { n, minutes: typeof d.deadlineMinutes === 'number' ? d.deadlineMinutes : '?' });
  if (flag.kind === 'missing') return it('flag.detail.missing', { n });
  const minutes = typeof d.minutesAfterOccurrence === 'number' ? d.minutesAfterOccurrence : 0;
  return it('flag.detail.concealed', {
    time: duration(it, minutes * 60_000),
    at: typeof d.occurredAt === 'string' ? time(d.occurredAt) : '',
  });
}

function ExplainForm({ incidentId, flagId, onDone }: { incidentId: string; flagId: string; onDone: () => void }) {
  const it = useIncidentText();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ text: string }>();
  const { busy, submit: send } = useFormSubmit(form, async ({ text }: { text: string }) => {
    await incidentsApi.explainFlag(incidentId, flagId, text.trim());
    form.resetFields();
    message.success(it('flag.explained'));
    onDone();
  });
  return (
    <Form form={form} onFinish={(v) => void send(v)} style={{ marginTop: 8 }} data-testid="explain-form">
      <Form.Item
        name="text"
        rules={[{ required: true, whitespace: true, message: it('report.required', { field: it('flag.explain') }) }]}
        style={{ marginBottom: 8 }}
      >
        <Input.TextArea
          rows={2}
          maxLength={TEXT_MAX}
          placeholder={it('flag.explainPlaceholder')}
          aria-label={it('flag.explain')}
        />
      </Form.Item>
      <Button htmlType="submit" loading={busy}>
        {it('flag.explainSend')}
      </Button>
    </Form>
  );
}

/** Late, missing and concealed reports: kept for good, with the explanations appended to them. */
export function FlagsPanel({ incident, onChanged }: { incident: Incident; onChanged: () => void }) {
  const it = useIncidentText();
  const rt = useReportText();
  const { locale } = useLocale();
  const [explaining, setExplaining] = useState<string | null>(null);
  const time = (iso: string) => formatDateTime(iso, locale);
  if (incident.flags.length === 0) return null;
  return (
    <Card
      size="small"
      title={
        <span style={{ color: '#a8071a' }}>
          <FlagFilled /> {it('flags.title')}
        </span>
      }
      data-testid="flags"
      style={{ borderColor: '#ffccc7' }}
    >
      <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginBottom: 8 }}>
        {it('flags.note')}
      </Typography.Paragraph>
      {incident.flags.map((flag) => (
        <div key={flag.id} className="steady-step late" data-testid="flag" data-kind={flag.kind}>
          <Flex gap={8} align="center" wrap>
            <Tag color={FLAG_COLOURS[flag.kind]} style={{ fontWeight: 600 }}>
              {it(`flag.${flag.kind}`)}
            </Tag>
            <Typography.Text>{stageFlagDetail(rt, locale, flag, time) ?? flagDetail(it, flag, time)}</Typography.Text>
          </Flex>
          <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12, marginTop: 4 }}>
            {it('flag.setAt', { time: time(flag.setAt) })}
            {flag.people.length > 0 &&
              ` · ${it('flag.people', { names: flag.people.join(locale === 'en' ? ', ' : '、') })}`}
          </Typography.Text>
          {flag.notes.map((note, index) => (
            <div key={index} style={{ marginTop: 6, paddingInlineStart: 10, borderInlineStart: '3px solid #d9d9d9' }}>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {note.actor} · {time(note.at)}
              </Typography.Text>
              <div className="steady-timeline-text">{note.text}</div>
            </div>
          ))}
          {explaining === flag.id ? (
            <ExplainForm
              incidentId={incident.id}
              flagId={flag.id}
              onDone={() => {
                setExplaining(null);
                onChanged();
              }}
            />
          ) : (
            <Button
              size="small"
              type="link"
              style={{ paddingInline: 0, marginTop: 4 }}
              onClick={() => setExplaining(flag.id)}
            >
              {it('flag.explain')}
            </Button>
          )}
        </div>
      ))}
    </Card>
  );
}
