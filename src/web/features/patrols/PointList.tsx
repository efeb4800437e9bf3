import { CameraOutlined, CheckCircleFilled, EnvironmentOutlined } from '@ant-design/icons';
import { Alert, App, Button, Typography } from 'antd';
import { useRef, useState } from 'react';
import { ApiError } from '../../api/client.js';
import { applyProblem } from '../../components/form-errors.js';
import { useMe } from '../auth/session.js';
import { patrolsApi, uploadCheckInPhoto, type CheckIn, type CheckInResult, type Checkpoint } from './api.js';
import { timeIn } from './format.js';
import { usePatrolText } from './i18n.js';

interface Props {
  unitId: string;
  points: Checkpoint[];
  /** Check-ins to show against the points: the open patrol's, and those made on this screen. */
  checkIns: CheckIn[];
  timeZone: string;
  canCheckIn: boolean;
  onCheckedIn: (result: CheckInResult) => void;
}

/** The points of a round, each with a big check-in button; a checked point offers a photo. */
export function PointList({ unitId, points, checkIns, timeZone, canCheckIn, onCheckedIn }: Props) {
  const pt = usePatrolText();
  const me = useMe();
  const { message } = App.useApp();
  const [busy, setBusy] = useState<string | null>(null);
  const [photoFor, setPhotoFor] = useState<CheckIn | null>(null);
  const [photographed, setPhotographed] = useState<Set<string>>(new Set());
  /** The check-in whose photo could not go for want of network: said beside its point, not in a passing toast. */
  const [noNetworkFor, setNoNetworkFor] = useState<string | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const latest = new Map<string, CheckIn>();
  for (const c of checkIns) latest.set(c.checkpointId, c);

  const checkIn = async (point: Checkpoint) => {
    setBusy(point.id);
    try {
      // Through the phone's outbox, as a scan goes: without network the tap waits on the phone and is sent once.
      const label = pt('point.queuedLabel', { point: point.name, time: timeIn(new Date().toISOString(), timeZone) });
      const { outcome, body } = await patrolsApi.checkInOrQueue({ unitId, checkpointId: point.id }, label);
      if (outcome === 'queued') return void message.info(pt('point.queued', { point: point.name }));
      // Sent: the same key again reads the stored check-in back (200), never a second one.
      const result = await patrolsApi.checkIn(body);
      message.success(
        result.patrol?.state === 'done' ? pt('checkin.patrolDone') : pt('checkin.done', { point: point.name }),
      );
      onCheckedIn(result);
    } catch (error) {
      message.error(applyProblem(null, error) ?? String(error));
    } finally {
      setBusy(null);
    }
  };

  const sendPhoto = async (file: File) => {
    const target = photoFor;
    if (!target) return;
    // The photo needs the network (it is not kept on the phone); the check-in itself is already stored.
    if (!navigator.onLine) return setNoNetworkFor(target.id);
    setNoNetworkFor(null);
    setBusy(target.checkpointId);
    try {
      await uploadCheckInPhoto(target.id, file);
      setPhotographed((s) => new Set(s).add(target.id));
      message.success(pt('point.photoAdded'));
    } catch (error) {
      if (!(error instanceof ApiError) || error.status === 0) setNoNetworkFor(target.id);
      else message.error(pt('point.photoFailed', { message: applyProblem(null, error) ?? String(error) }));
    } finally {
      setBusy(null);
    }
  };

  return (
    <div className="steady-points" data-testid="patrol-points">
      <input
        ref={fileInput}
        type="file"
        accept="image/*"
        capture="environment"
        style={{ display: 'none' }}
        data-testid="patrol-photo-input"
        onChange={(event) => {
          const file = event.target.files?.[0];
          event.target.value = '';
          if (file) void sendPhoto(file);
        }}
      />
      {points.map((point) => {
        const done = latest.get(point.id);
        const mine = done && done.personId === me.personId;
        const hasPhoto = done && (done.hasPhoto || photographed.has(done.id));
        return (
          <div
            key={point.id}
            className={`steady-point${done ? ' steady-point-done' : ''}`}
            data-testid="patrol-point"
            data-point={point.name}
          >
            <div className="steady-point-text">
              <div className="steady-point-name">{point.name}</div>
              {point.locationHint && (
                <Typography.Text type="secondary" className="steady-point-hint">
                  <EnvironmentOutlined /> {point.locationHint}
                </Typography.Text>
              )}
              {done && (
                <Typography.Text type="success" className="steady-point-checked" data-testid="point-checked">
                  <CheckCircleFilled /> {pt('point.checked', { time: timeIn(done.at, timeZone) })}
                </Typography.Text>
              )}
            </div>
            <div className="steady-point-actions">
              {mine && !hasPhoto && (
                <Button
                  icon={<CameraOutlined />}
                  size="large"
                  loading={busy === point.id && photoFor?.id === done.id}
                  onClick={() => {
                    setPhotoFor(done);
                    fileInput.current?.click();
                  }}
                >
                  {pt('point.photo')}
                </Button>
              )}
              {canCheckIn && !done && (
                <Button
                  type="primary"
                  size="large"
                  className="steady-point-button"
                  loading={busy === point.id}
                  disabled={busy !== null && busy !== point.id}
                  onClick={() => void checkIn(point)}
                  data-testid="point-check-in"
                >
                  {pt('point.checkIn')}
                </Button>
              )}
            </div>
            {done && noNetworkFor === done.id && (
              <Alert
                type="warning"
                showIcon
                className="steady-point-note"
                data-testid="photo-offline"
                title={pt('point.photoOffline')}
              />
            )}
          </div>
        );
      })}
    </div>
  );
}
