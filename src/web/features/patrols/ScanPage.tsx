import { CheckCircleFilled, CloudUploadOutlined } from '@ant-design/icons';
import { Button, Card, Progress, Result, Spin, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { applyProblem } from '../../components/form-errors.js';
import { PageTitle } from '../../components/PageTitle.js';
import { patrolsApi, type CheckInResult, type PatrolNow, type QueuedCheckIn } from './api.js';
import { timeIn } from './format.js';
import { usePatrolText } from './i18n.js';
import { PointList } from './PointList.js';
import './patrols.css';

/** The phone's own time zone: a check-in waiting on the phone has no unit (and zone) known yet. */
const phoneZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

/**
 * Where a checkpoint's QR code leads: opening it (after signing in, if need be) checks that point
 * in at once, then shows the round's other points. Without network the check-in waits on the phone
 * (the offline outbox) with the time of the scan, and is sent, once, when the network returns.
 */
export default function ScanPage() {
  const pt = usePatrolText();
  const { code = '' } = useParams();
  const [result, setResult] = useState<CheckInResult | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [waiting, setWaiting] = useState<QueuedCheckIn['body'] | null>(null);
  const [sentBlind, setSentBlind] = useState(false);
  const [now, setNow] = useState<PatrolNow | null>(null);
  const sent = useRef<string | null>(null);

  useEffect(() => {
    // Once per code, even if the screen renders twice: each scan is one check-in.
    if (sent.current === code) return;
    sent.current = code;
    const label = pt('scan.queuedLabel', { time: timeIn(new Date().toISOString(), phoneZone()) });
    patrolsApi
      .checkInOrQueue({ code }, label)
      .then(async ({ outcome, body }) => {
        if (outcome === 'queued') return setWaiting(body);
        // Sent: the same key again reads the stored check-in back (200), never a second one.
        const r = await patrolsApi.checkIn(body).catch(() => null);
        if (!r) return setSentBlind(true);
        setResult(r);
        patrolsApi.now(r.unitId).then(setNow, () => undefined);
      })
      .catch((error: unknown) => setFailure(applyProblem(null, error) ?? String(error)));
    // Once per code: the label's words need not send it again.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [code]);

  const refresh = (r: CheckInResult) => {
    setResult(r);
    patrolsApi.now(r.unitId).then(setNow, () => undefined);
  };

  if (failure) {
    return (
      <Result
        status="warning"
        title={pt('scan.failed')}
        subTitle={<span data-testid="scan-error">{failure}</span>}
        extra={
          <Link to="/patrols">
            <Button type="primary">{pt('scan.back')}</Button>
          </Link>
        }
      />
    );
  }
  if (waiting || sentBlind) {
    return (
      <div className="steady-patrols" data-testid="scan-page">
        <PageTitle title={pt('scan.title')} />
        <Card
          size="small"
          className={waiting ? 'steady-scan-waiting' : 'steady-scan-done'}
          data-testid={waiting ? 'scan-queued' : 'scan-sent'}
        >
          <Typography.Title level={4} style={{ margin: 0 }}>
            {waiting ? <CloudUploadOutlined style={{ color: '#d48806' }} /> : <CheckCircleFilled />}{' '}
            {waiting ? pt('scan.queued') : pt('scan.sentNoDetails')}
          </Typography.Title>
          {waiting && (
            <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>
              {pt('scan.queuedHint', { time: timeIn(waiting.checkedInAt, phoneZone()) })}
            </Typography.Paragraph>
          )}
        </Card>
        <Link to="/patrols">
          <Button block size="large" style={{ marginTop: 12 }}>
            {pt('scan.back')}
          </Button>
        </Link>
      </div>
    );
  }
  if (!result) {
    return (
      <div style={{ textAlign: 'center', paddingTop: 80 }}>
        <Spin size="large" description={pt('scan.working')} />
      </div>
    );
  }
  const patrol = result.patrol;
  return (
    <div className="steady-patrols" data-testid="scan-page">
      <PageTitle title={pt('scan.title')} />
      <Card size="small" className="steady-scan-done">
        <Typography.Title level={4} style={{ margin: 0 }} data-testid="scan-result">
          <CheckCircleFilled style={{ color: '#389e0d' }} />{' '}
          {pt('checkin.done', { point: result.checkIn.checkpointName })}
        </Typography.Title>
        <Typography.Text type="secondary">
          {result.unitName} · {timeIn(result.checkIn.at, result.timeZone)}
        </Typography.Text>
        {patrol ? (
          <div style={{ marginTop: 8 }}>
            {patrol.state === 'done' && (
              <Typography.Paragraph strong style={{ marginBottom: 4 }}>
                {pt('checkin.patrolDone')}
              </Typography.Paragraph>
            )}
            <Progress
              percent={patrol.of ? Math.round((100 * patrol.checked) / patrol.of) : 0}
              format={() => pt('now.progress', { checked: patrol.checked, of: patrol.of })}
            />
          </div>
        ) : (
          <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>
            {pt('checkin.noPatrol')}
          </Typography.Paragraph>
        )}
      </Card>
      {now && (
        <Card size="small" style={{ marginTop: 12 }}>
          <PointList
            unitId={result.unitId}
            points={now.checkpoints}
            checkIns={patrol ? patrol.checkIns : [result.checkIn]}
            timeZone={now.timeZone}
            canCheckIn={now.canCheckIn}
            onCheckedIn={refresh}
          />
        </Card>
      )}
      <Link to={`/patrols?unit=${result.unitId}`}>
        <Button block size="large" style={{ marginTop: 12 }}>
          {pt('scan.back')}
        </Button>
      </Link>
    </div>
  );
}
