import { CheckCircleFilled } from '@ant-design/icons';
import { Button, Card, Progress, Result, Spin, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { applyProblem } from '../../components/form-errors.js';
import { PageTitle } from '../../components/PageTitle.js';
import { patrolsApi, type CheckInResult, type PatrolNow } from './api.js';
import { timeIn } from './format.js';
import { usePatrolText } from './i18n.js';
import { PointList } from './PointList.js';
import './patrols.css';

/**
 * Where a checkpoint's QR code leads: opening it (after signing in, if need be) checks that point
 * in at once, then shows the round's other points.
 */
export default function ScanPage() {
  const pt = usePatrolText();
  const { code = '' } = useParams();
  const [result, setResult] = useState<CheckInResult | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [now, setNow] = useState<PatrolNow | null>(null);
  const sent = useRef<string | null>(null);

  useEffect(() => {
    // Once per code, even if the screen renders twice: each scan is one check-in.
    if (sent.current === code) return;
    sent.current = code;
    patrolsApi.checkIn({ code }).then(
      (r) => {
        setResult(r);
        patrolsApi.now(r.unitId).then(setNow, () => undefined);
      },
      (error: unknown) => setFailure(applyProblem(null, error) ?? String(error)),
    );
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
