import { QrcodeOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Empty, Flex, Progress, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { applyProblem } from '../../components/form-errors.js';
import { LoadError } from '../../components/LoadError.js';
import { PageTitle } from '../../components/PageTitle.js';
import { UnitPicker } from '../../components/UnitPicker.js';
import { useMe } from '../auth/session.js';
import { useNow, useResource } from '../../components/useResource.js';
import { useLive } from '../notifications/live.js';
import { SavedAtNote, useOfflineResource, useOutboxSent, usePending } from '../../offline/index.js';
import { CHECK_IN_PATH, patrolsApi, type CheckIn, type CheckInResult, type PatrolNow } from './api.js';
import { defaultUnit, timeIn } from './format.js';
import { usePatrolText } from './i18n.js';
import { NightList } from './NightList.js';
import { PointList } from './PointList.js';
import './patrols.css';

/**
 * The phone patrol screen: the patrol due now with a big button per checkpoint, and the night's
 * record below. A prompt arriving (a live notification) refreshes it. Offline it shows the points as last
 * saved on the phone, and the scans waiting there to be sent.
 */
export default function PatrolsPage() {
  const pt = usePatrolText();
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const unitId = defaultUnit(me, params.get('unit'));
  const nightParam = params.get('night') ?? undefined;
  const now = useOfflineResource(
    unitId ? `patrols.now:${unitId}` : null,
    () => (unitId ? patrolsApi.now(unitId) : Promise.resolve(undefined)),
    [unitId],
  );
  const waiting = usePending(CHECK_IN_PATH).length;
  const night = useResource(
    () => (unitId ? patrolsApi.night(unitId, nightParam) : Promise.resolve(undefined)),
    [unitId, nightParam],
  );
  const [loose, setLoose] = useState<CheckIn[]>([]);
  useLive(() => {
    now.reload();
    night.reload();
  }, 30_000);
  useOutboxSent((request) => {
    if (request.path !== CHECK_IN_PATH) return;
    now.reload();
    night.reload();
  });

  const setParam = (name: string, value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    if (name === 'unit') next.delete('night');
    setParams(next, { replace: true });
  };

  const onCheckedIn = (result: CheckInResult) => {
    // A patrol just finished leaves the open list: keep its ticks on screen.
    if (result.patrol?.state === 'done') setLoose(result.patrol.checkIns);
    else if (!result.patrol) setLoose((list) => [...list, result.checkIn]);
    now.reload();
    night.reload();
  };

  return (
    <div className="steady-patrols" data-testid="patrols-page">
      <PageTitle
        title={pt('page.title')}
        extra={
          unitId && (
            <Link to={`/patrols/checkpoints?unit=${unitId}`}>
              <Button icon={<QrcodeOutlined />}>{pt('page.checkpointsLink')}</Button>
            </Link>
          )
        }
      />
      <Flex align="center" gap={8} style={{ marginBottom: 12 }}>
        <Typography.Text type="secondary">{pt('page.unit')}</Typography.Text>
        <UnitPicker
          value={unitId}
          onChange={(id) => setParam('unit', id)}
          style={{ flex: 1 }}
          // Offline the unit tree cannot load: the unit's name from the session, not its id.
          knownName={me.scopes.find((scope) => scope.unitId === unitId)?.unitName}
        />
      </Flex>
      {waiting > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="patrol-waiting"
          title={pt('now.waiting', { n: waiting })}
        />
      )}
      <SavedAtNote savedAt={now.savedAt} timeZone={now.data?.timeZone} />
      {now.error ? <LoadError error={now.error} onRetry={now.reload} /> : null}
      {now.data && (
        <NowCard
          data={now.data}
          loose={loose.filter((c) => now.data?.checkpoints.some((p) => p.id === c.checkpointId))}
          onCheckedIn={onCheckedIn}
          onStarted={now.reload}
        />
      )}
      {!now.data && now.loading && <Card loading size="small" />}
      {unitId && (
        <NightList
          night={night.data}
          error={night.error}
          loading={night.loading}
          onNight={(date) => setParam('night', date)}
          onRetry={night.reload}
        />
      )}
    </div>
  );
}

function NowCard({
  data,
  loose,
  onCheckedIn,
  onStarted,
}: {
  data: PatrolNow;
  loose: CheckIn[];
  onCheckedIn: (r: CheckInResult) => void;
  onStarted: () => void;
}) {
  const pt = usePatrolText();
  const { message } = App.useApp();
  const clock = useNow(15_000);
  const [starting, setStarting] = useState(false);
  const patrol = data.open[0];
  const start = async () => {
    setStarting(true);
    try {
      await patrolsApi.start(data.unitId);
      message.success(pt('now.started', { minutes: data.timeLimitMinutes }));
      onStarted();
    } catch (error) {
      message.error(applyProblem(null, error) ?? String(error));
    } finally {
      setStarting(false);
    }
  };
  const minutesLeft = patrol?.deadlineAt ? Math.max(0, Math.ceil((Date.parse(patrol.deadlineAt) - clock) / 60_000)) : 0;

  return (
    <Card
      size="small"
      title={pt('now.title')}
      data-testid="patrol-now"
      className={patrol ? 'steady-now-open' : undefined}
    >
      {!data.canCheckIn && <Alert type="info" showIcon title={pt('now.readOnly')} style={{ marginBottom: 12 }} />}
      {patrol ? (
        <div className="steady-now-head" data-testid="open-patrol">
          <Flex justify="space-between" align="center" wrap gap={8}>
            <span>
              <Tag color="processing">{pt(`kind.${patrol.kind}`)}</Tag>
              <strong>{pt('now.until', { time: timeIn(patrol.deadlineAt, data.timeZone) })}</strong>
            </span>
            <Typography.Text type={minutesLeft <= 10 ? 'danger' : 'secondary'}>
              {pt('now.left', { minutes: minutesLeft })}
            </Typography.Text>
          </Flex>
          <Progress
            percent={patrol.of ? Math.round((100 * patrol.checked) / patrol.of) : 0}
            format={() => pt('now.progress', { checked: patrol.checked, of: patrol.of })}
          />
        </div>
      ) : (
        <div style={{ marginBottom: 12 }}>
          <Typography.Paragraph style={{ marginBottom: 4 }} strong>
            {pt('now.none')}
          </Typography.Paragraph>
          <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
            {pt('now.noneHint')}
          </Typography.Paragraph>
          {data.canCheckIn && data.checkpoints.length > 0 && (
            <Button size="large" block onClick={() => void start()} loading={starting} data-testid="start-patrol">
              {pt('now.start')}
            </Button>
          )}
        </div>
      )}
      {data.checkpoints.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={pt('now.noCheckpoints')} />
      ) : (
        <>
          <PointList
            unitId={data.unitId}
            points={data.checkpoints}
            checkIns={patrol ? patrol.checkIns : loose}
            timeZone={data.timeZone}
            canCheckIn={data.canCheckIn}
            onCheckedIn={onCheckedIn}
          />
          {data.canCheckIn && (
            <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0', fontSize: 13 }}>
              {pt('now.scanHint')}
            </Typography.Paragraph>
          )}
        </>
      )}
    </Card>
  );
}
