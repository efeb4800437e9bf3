import { ArrowLeftOutlined } from '@ant-design/icons';
import { Button, Result, Spin, Tag } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { ApiError } from '../../api/client.js';
import { incidentTypeLabel } from '../../components/labels.js';
import { LoadError } from '../../components/LoadError.js';
import { PageTitle } from '../../components/PageTitle.js';
import { useT } from '../../i18n/index.js';
import { useMe } from '../auth/session.js';
import { useLive, useLiveStatus } from '../notifications/live.js';
import { AfterActionView } from './AfterActionView.js';
import { incidentsApi } from './api.js';
import { ChainSteps } from './ChainSteps.js';
import { CloseDrawer } from './CloseDrawer.js';
import { FlagsPanel } from './FlagsPanel.js';
import { useIncidentText } from './i18n.js';
import { IncidentActions } from './IncidentActions.js';
import { DrillBanner, IncidentHeader } from './IncidentHeader.js';
import { mayManageIncident } from './permissions.js';
import { PhotoGallery } from './PhotoGallery.js';
import { PrinciplesStrip } from './PrinciplesStrip.js';
import { Timeline } from './Timeline.js';
import { ReportsPanel } from '../incident-reports/ReportsPanel.js';
import { useResource } from '../../components/useResource.js';
import { RollCallButton } from '../roll-calls/RollCallButton.js';
import './incidents.css';

/** One incident: the chain with live deadlines, flags, timeline, photos, status and closing. */
export default function IncidentPage() {
  const { id = '' } = useParams();
  const t = useT();
  const it = useIncidentText();
  const me = useMe();
  const live = useLiveStatus();
  const [closing, setClosing] = useState(false);
  const incident = useResource(() => incidentsApi.get(id), [id]);
  useLive((event) => {
    if (['notification', 'todo', 'roll-call', 'reunification'].includes(event.kind)) return;
    if (event.kind !== 'incident' || event.incidentId === id) incident.reload();
  });

  if (incident.loading)
    return (
      <div style={{ textAlign: 'center', paddingTop: 80 }}>
        <Spin />
      </div>
    );
  const data = incident.data;
  if (!data) {
    if (incident.error instanceof ApiError && incident.error.status === 404) {
      return (
        <Result
          status="404"
          title={it('incident.notFound')}
          extra={
            <Link to="/incidents">
              <Button>{it('incident.back')}</Button>
            </Link>
          }
        />
      );
    }
    return <LoadError error={incident.error} onRetry={incident.reload} />;
  }

  const manager = mayManageIncident(me, data.unitId);
  return (
    <div data-testid="incident-page" data-incident-id={data.id} data-status={data.status}>
      <PageTitle
        title={it('incident.title', { type: incidentTypeLabel(t, data.type), unit: data.unitName })}
        extra={
          <span style={{ display: 'inline-flex', gap: 8, alignItems: 'center' }}>
            {live === 'open' ? (
              <Tag color="green">● {it('incident.live')}</Tag>
            ) : (
              <Tag color="orange">{it('incident.reconnecting')}</Tag>
            )}
            {data.status !== 'closed' && (
              <RollCallButton start={{ unitId: data.unitId, incidentId: data.id }} canStart={manager} />
            )}
            <Link to="/incidents">
              <Button icon={<ArrowLeftOutlined />}>{it('incident.back')}</Button>
            </Link>
          </span>
        }
      />
      {incident.error ? <LoadError error={incident.error} onRetry={incident.reload} /> : null}
      {data.drill && <DrillBanner />}
      <PrinciplesStrip unitId={data.unitId} />
      <div className="steady-incident-grid">
        <div style={{ display: 'flex', flexDirection: 'column', gap: 12, minWidth: 0 }}>
          <IncidentHeader incident={data} />
          <ChainSteps incident={data} onChanged={incident.reload} />
          <ReportsPanel incidentId={data.id} />
          <FlagsPanel incident={data} onChanged={incident.reload} />
          <Timeline incident={data} onChanged={incident.reload} />
        </div>
        <div style={{ display: 'flex', flexDirection: 'column', gap: 12, minWidth: 0 }}>
          <IncidentActions
            incident={data}
            manager={manager}
            onChanged={incident.reload}
            onClose={() => setClosing(true)}
          />
          {data.afterAction && <AfterActionView report={data.afterAction} />}
          <PhotoGallery incident={data} onChanged={incident.reload} />
        </div>
      </div>
      {manager && data.status !== 'closed' && (
        <CloseDrawer
          incident={data}
          open={closing}
          onClose={() => setClosing(false)}
          onClosed={() => {
            setClosing(false);
            incident.reload();
          }}
        />
      )}
    </div>
  );
}
