import { CheckCircleFilled, SmileOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Divider, Flex, Typography } from 'antd';
import { utcOffset } from '../../components/format.js';
import { useFormSubmit } from '../../components/useFormSubmit.js';
import { useLocale } from '../../i18n/index.js';
import { useNow } from '../../components/useResource.js';
import { dailyReportsApi, type DailyItem, type TodayView } from './api.js';
import { clock, timeLeft } from './format.js';
import { useDailyReportText } from './i18n.js';
import { ItemsForm } from './ItemsForm.js';
import { StatusTag } from './status.js';

/** One unit's today: the deadline, the one big zero-report button, or items; or what was sent. */
export function TodayCard({ today, onSent }: { today: TodayView; onSent: () => void }) {
  const rt = useDailyReportText();
  const { locale } = useLocale();
  const { message } = App.useApp();
  const now = useNow(30_000);
  const zone = today.timeZone;
  const sameZone = Intl.DateTimeFormat().resolvedOptions().timeZone === zone;
  const deadlineMs = today.deadlineAt ? Date.parse(today.deadlineAt) - now : null;

  const sent = () => {
    message.success(rt('today.sentToast'));
    onSent();
  };
  const {
    busy,
    submit: sendZero,
    failure,
  } = useFormSubmit(
    null,
    async (_values: void) => {
      await dailyReportsApi.sendZero(today.unitId);
      sent();
    },
    { inline: true },
  );
  const sendItems = async (items: DailyItem[]) => {
    await dailyReportsApi.sendItems(today.unitId, items);
    sent();
  };

  const report = today.report;
  return (
    <Card size="small" data-testid="today-card" data-status={today.status}>
      <Flex justify="space-between" align="start" gap={8} wrap>
        <div>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {today.unitName}
          </Typography.Title>
          <Typography.Text type="secondary">
            {rt('today.heading', { day: today.day })}
            {today.deadline && ` · ${rt('today.deadline', { time: today.deadline })}`}
            {today.deadline && !sameZone && rt('today.zone', { zone: utcOffset(zone) })}
          </Typography.Text>
        </div>
        <StatusTag status={today.status} />
      </Flex>

      {report ? (
        <div className="steady-dr-sent" data-testid="today-sent">
          <CheckCircleFilled className="steady-dr-sent-icon" />
          <div>
            <Typography.Text strong>{rt('today.thanks')}</Typography.Text>
            <div>
              <Typography.Text type="secondary">
                {report.submittedBy
                  ? rt('today.sentAt', { time: clock(report.submittedAt, zone, locale), name: report.submittedBy.name })
                  : rt('today.sentAtNoName', { time: clock(report.submittedAt, zone, locale) })}
              </Typography.Text>
            </div>
            {report.zero ? (
              <Typography.Paragraph style={{ margin: '6px 0 0' }}>{rt('today.zeroSent')}</Typography.Paragraph>
            ) : (
              <ul className="steady-dr-items">
                {report.items.map((item, i) => (
                  <li key={i}>
                    <Typography.Text strong>
                      {rt(`kind.${item.kind}`)}
                      {rt('items.colon')}
                    </Typography.Text>
                    {item.text}
                  </li>
                ))}
              </ul>
            )}
          </div>
        </div>
      ) : (
        <>
          {!today.required && <Alert type="info" showIcon title={rt('today.notRequired')} style={{ marginTop: 12 }} />}
          {today.required && deadlineMs !== null && deadlineMs > 0 && (
            <Typography.Paragraph
              style={{ margin: '10px 0 0' }}
              type={deadlineMs < 3_600_000 ? 'warning' : 'secondary'}
            >
              {rt('today.left', { time: timeLeft(deadlineMs, locale) })}
            </Typography.Paragraph>
          )}
          {today.required && deadlineMs !== null && deadlineMs <= 0 && (
            <Alert type="warning" showIcon title={rt('today.overdue')} style={{ marginTop: 12 }} />
          )}
          <Button
            type="primary"
            className="steady-dr-zero"
            block
            loading={busy}
            onClick={() => void sendZero()}
            data-testid="zero-report"
          >
            <SmileOutlined />
            <span className="steady-dr-zero-text">
              <span className="steady-dr-zero-title">{rt('today.zero')}</span>
              <span className="steady-dr-zero-hint">{rt('today.zeroHint')}</span>
            </span>
          </Button>
          {failure && <Alert type="error" showIcon title={failure} style={{ marginTop: 12 }} />}
          <Divider plain style={{ margin: '16px 0 12px' }}>
            {rt('today.or')}
          </Divider>
          <ItemsForm disabled={busy} onSend={sendItems} />
        </>
      )}
    </Card>
  );
}
