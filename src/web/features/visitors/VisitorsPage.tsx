import { Badge, Card, Flex, Grid, Segmented, Typography } from 'antd';
import { LoadError } from '../../components/LoadError.js';
import { PageTitle } from '../../components/PageTitle.js';
import { UnitPicker } from '../../components/UnitPicker.js';
import { useMe } from '../auth/session.js';
import { SavedAtNote, useOfflineResource, useOutbox, useOutboxSent } from '../../offline/index.js';
import { PAGE_SIZE_MAX } from '../../../common/limits.js';
import { queuedCheckIns, visitorsApi } from './api.js';
import { CheckInForm } from './CheckInForm.js';
import { HistoryList } from './HistoryList.js';
import { useVisitorText } from './i18n.js';
import { InsideList } from './InsideList.js';
import './visitors.css';
import { useQueryParams } from '../../components/useQueryParams.js';

type Tab = 'in' | 'inside' | 'history';

/** The gate: check a visitor in, see who is still inside and check them out, look back over days. */
export default function VisitorsPage() {
  const vt = useVisitorText();
  const me = useMe();
  const screens = Grid.useBreakpoint();
  const compact = !screens.md;
  // A new unit or tab starts the history over at its first page.
  const [params, update] = useQueryParams({ resetPage: true });
  const unitId = params.get('unit') ?? me.scopes[0]?.unitId;
  const tab = (params.get('tab') as Tab | null) ?? 'in';
  // Who is inside, kept on the phone: offline, the gate still sees the list as last loaded.
  const inside = useOfflineResource(
    unitId ? `visitors.inside:${unitId}` : null,
    () => (unitId ? visitorsApi.list({ unitId, inside: true, pageSize: PAGE_SIZE_MAX }) : Promise.resolve(undefined)),
    [unitId],
  );
  const { pending } = useOutbox();
  const waiting = unitId ? queuedCheckIns([...pending], unitId).length : 0;
  const insideCount = (inside.data?.total ?? 0) + waiting;
  useOutboxSent((request) => {
    if (request.path.startsWith('/visitors')) inside.reload();
  });

  return (
    <div className="steady-visitors" data-testid="visitors-page">
      <PageTitle title={vt('page.title')} />
      <Card size="small" style={{ marginBottom: 12 }}>
        <Flex vertical gap={10}>
          <UnitPicker
            value={unitId}
            onChange={(id) => update({ unit: id })}
            knownName={me.scopes.find((scope) => scope.unitId === unitId)?.unitName}
            placeholder={vt('page.chooseUnit')}
            style={{ width: '100%' }}
          />
          <Segmented<Tab>
            block
            size="large"
            value={tab}
            onChange={(value) => update({ tab: value === 'in' ? undefined : value })}
            data-testid="visitor-tabs"
            options={[
              { value: 'in', label: vt('tab.checkIn') },
              {
                value: 'inside',
                label: (
                  <span data-testid="inside-tab">
                    {vt('tab.inside')}
                    {insideCount > 0 && <Badge count={insideCount} color="#d4580b" style={{ marginInlineStart: 6 }} />}
                  </span>
                ),
              },
              { value: 'history', label: vt('tab.history') },
            ]}
          />
        </Flex>
      </Card>
      {!unitId ? (
        <Typography.Text type="secondary">{vt('page.chooseUnit')}</Typography.Text>
      ) : (
        <>
          {inside.error && tab !== 'history' ? <LoadError error={inside.error} onRetry={inside.reload} /> : null}
          {tab !== 'history' && <SavedAtNote savedAt={inside.savedAt} />}
          {tab === 'in' && <CheckInForm key={unitId} unitId={unitId} onCheckedIn={inside.reload} />}
          {tab === 'inside' && (
            <InsideList
              unitId={unitId}
              visitors={inside.data?.items}
              loading={inside.loading}
              onChanged={inside.reload}
            />
          )}
          {tab === 'history' && <HistoryList key={unitId} unitId={unitId} compact={compact} />}
        </>
      )}
      <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginTop: 16 }}>
        {vt('page.privacy')}
      </Typography.Paragraph>
    </div>
  );
}
