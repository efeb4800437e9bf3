import { Card, Flex, Grid, Segmented, Tag } from 'antd';
import { LoadError } from '../../components/LoadError.js';
import { PageTitle } from '../../components/PageTitle.js';
import { UnitPicker } from '../../components/UnitPicker.js';
import { useLive, useLiveStatus } from '../notifications/live.js';
import { incidentsApi } from './api.js';
import { BoardList } from './BoardList.js';
import { useIncidentText } from './i18n.js';
import { useResource } from '../../components/useResource.js';
import './incidents.css';
import { pageParams, useQueryParams } from '../../components/useQueryParams.js';

/**
 * The supervisor's board: incidents across every unit the user can see, newest first, each with its
 * next deadline counting down. Live: new incidents and changed chains show up without a reload.
 */
export default function BoardPage() {
  const it = useIncidentText();
  const screens = Grid.useBreakpoint();
  const compact = !screens.md;
  const live = useLiveStatus();
  const [params, update] = useQueryParams({ resetPage: true });
  const open = params.get('all') !== '1';
  const unitId = params.get('unit') ?? undefined;
  const { page, pageSize } = pageParams(params, update);
  const board = useResource(() => incidentsApi.board({ open, unitId, page, pageSize }), [open, unitId, page, pageSize]);
  useLive((event) => {
    if (!['notification', 'roll-call', 'reunification'].includes(event.kind)) board.reload();
  });

  return (
    <div data-testid="board-page">
      <PageTitle
        title={it('board.title')}
        extra={
          live === 'open' ? (
            <Tag color="green">● {it('incident.live')}</Tag>
          ) : (
            <Tag color="orange">{it('incident.reconnecting')}</Tag>
          )
        }
      />
      <Card size="small" style={{ marginBottom: 12 }}>
        <Flex gap={12} wrap align="center">
          <Segmented
            value={open ? 'open' : 'all'}
            onChange={(value) => update({ all: value === 'all' ? '1' : undefined })}
            options={[
              { value: 'open', label: it('board.open') },
              { value: 'all', label: it('board.all') },
            ]}
            data-testid="board-filter"
          />
          <UnitPicker
            value={unitId}
            onChange={(id) => update({ unit: id })}
            placeholder={it('board.allUnits')}
            allowClear
            style={{ width: compact ? '100%' : 280 }}
          />
        </Flex>
      </Card>
      {board.error ? <LoadError error={board.error} onRetry={board.reload} /> : null}
      <BoardList board={board} compact={compact} emptyText={it(open ? 'board.empty' : 'board.emptyAll')} />
    </div>
  );
}
