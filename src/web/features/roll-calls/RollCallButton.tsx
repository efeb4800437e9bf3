import { FlagOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { useResource } from '../../components/useResource.js';
import { useLive } from '../notifications/live.js';
import { rollCallsApi, type StartRollCall } from './api.js';
import { useRollCallText } from './i18n.js';
import { StartModal } from './StartModal.js';

/**
 * The way into a roll call from a drill or an incident: to the open one of its unit, or (for those
 * who may) starting one tied to the drill or incident. Nothing when neither applies.
 */
export function RollCallButton({ start, canStart }: { start: StartRollCall; canStart: boolean }) {
  const rt = useRollCallText();
  const navigate = useNavigate();
  const [starting, setStarting] = useState(false);
  const open = useResource(
    () => rollCallsApi.list(start.unitId, 'open').then((r) => r.items[0] ?? null),
    [start.unitId],
  );
  // The count stays live here too: the incident page shows how many are accounted for without opening the board.
  useLive((event) => {
    if (event.kind === 'roll-call' || event.kind === 'reconnected') open.reload();
  });
  const fromIncident = !!start.incidentId;
  if (open.loading) return null;
  if (open.data) {
    const { counts } = open.data;
    return (
      <Button
        icon={<FlagOutlined />}
        danger={counts.missing > 0}
        onClick={() => navigate(`/roll-calls/${open.data!.id}`)}
        data-testid="roll-call-open"
      >
        {rt(fromIncident ? 'entry.incidentOpen' : 'entry.drillOpen')}
        {' · '}
        {rt('entry.counts', { accounted: counts.accounted, total: counts.total, missing: counts.missing })}
      </Button>
    );
  }
  if (!canStart || open.error) return null;
  return (
    <>
      <Button type="primary" icon={<FlagOutlined />} onClick={() => setStarting(true)} data-testid="roll-call-start">
        {rt(fromIncident ? 'entry.incident' : 'entry.drill')}
      </Button>
      {starting && (
        <StartModal
          body={start}
          onClose={() => setStarting(false)}
          onStarted={(rollCall) => navigate(`/roll-calls/${rollCall.id}`)}
        />
      )}
    </>
  );
}
