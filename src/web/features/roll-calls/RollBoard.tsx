import { StopOutlined, WarningFilled } from '@ant-design/icons';
import { App, Button, Card, Flex, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { useUnitZone } from '../../components/date-fields/useUnitZone.js';
import { formatDateTime } from '../../components/format.js';
import { useResource } from '../../components/useResource.js';
import { useLocale } from '../../i18n/index.js';
import { rollCallsApi, type RollCall, type RollCallGroup } from './api.js';
import { useRollCallText } from './i18n.js';
import { markTime } from './MarkRow.js';
import { clockText, RollClock } from './RollClock.js';

/** A stacked bar: present, injured, absent, missing, and what is not reported yet (the background). */
export function CountBar({ c }: { c: Pick<RollCallGroup, 'total' | 'present' | 'injured' | 'absent' | 'missing'> }) {
  const width = (n: number) => `${c.total > 0 ? (n / c.total) * 100 : 0}%`;
  return (
    <div className="steady-roll-bar" aria-hidden>
      <span className="present" style={{ width: width(c.present) }} />
      <span className="injured" style={{ width: width(c.injured) }} />
      <span className="absent" style={{ width: width(c.absent) }} />
      <span className="missing" style={{ width: width(c.missing) }} />
    </div>
  );
}

interface Props {
  rollCall: RollCall;
  /** The device's clock off the server's, for the clock. */
  skewMs: number;
  onChanged: () => void;
}

/** The head's board: the live count in all and by class, the clock, who is missing, and closing. */
export function RollBoard({ rollCall, skewMs, onChanged }: Props) {
  const rt = useRollCallText();
  const { locale } = useLocale();
  const { message, modal } = App.useApp();
  const timeZone = useUnitZone(rollCall.unitId);
  const { counts } = rollCall;
  const open = rollCall.state === 'open';
  const sum = (pick: (g: RollCallGroup) => number) => rollCall.groups.reduce((n, g) => n + pick(g), 0);
  const all = {
    total: counts.total,
    present: sum((g) => g.present),
    injured: sum((g) => g.injured),
    absent: sum((g) => g.absent),
    missing: counts.missing,
  };

  const close = () =>
    modal.confirm({
      title:
        counts.missing > 0 || counts.notReported > 0
          ? rt('board.closeMissing', { n: counts.missing, m: counts.notReported })
          : rt('board.closeConfirm'),
      okButtonProps: { danger: true, 'data-testid': 'close-ok' },
      onOk: async () => {
        await rollCallsApi.close(rollCall.id);
        message.success(rt('board.closedToast'));
        onChanged();
      },
    });

  return (
    <Flex vertical gap={12} data-testid="roll-board" data-state={rollCall.state}>
      <Card size="small">
        <Flex justify="space-between" wrap gap={8} align="center">
          <Flex vertical gap={2}>
            <Typography.Text type="secondary">
              {rt('board.startedBy', {
                name: rollCall.startedByName ?? '—',
                time: formatDateTime(rollCall.startedAt, locale, timeZone),
              })}
            </Typography.Text>
            <span>
              {rollCall.drillId && (
                <Link to={`/drills?unit=${rollCall.unitId}`}>
                  <Tag color="purple">{rt('board.fromDrill')}</Tag>
                </Link>
              )}
              {rollCall.incidentId && (
                <Link to={`/incidents/${rollCall.incidentId}`}>
                  <Tag color="red">{rt('board.fromIncident')}</Tag>
                </Link>
              )}
              <Tag color={open ? 'processing' : 'default'}>{rt(open ? 'page.open' : 'page.closed')}</Tag>
            </span>
          </Flex>
          {rollCall.mayClose && open && (
            <Button danger icon={<StopOutlined />} onClick={close} data-testid="close-roll-call">
              {rt('board.close')}
            </Button>
          )}
        </Flex>
        <div style={{ marginTop: 12 }}>
          <RollClock rollCall={rollCall} skewMs={skewMs} />
        </div>
        {rollCall.completedAt && rollCall.evacuationSeconds !== null && (
          <Typography.Text type="success" strong data-testid="all-accounted">
            {rt('board.allAccounted', { time: clockText(rollCall.evacuationSeconds) })}
          </Typography.Text>
        )}
      </Card>
      <Card size="small">
        <div className="steady-roll-totals">
          <div className="steady-roll-total" data-testid="total-accounted">
            <strong>{counts.accounted}</strong>
            {rt('board.accounted')}
          </div>
          <div className="steady-roll-total missing" data-testid="total-missing">
            <strong>{counts.missing}</strong>
            {rt('board.missing')}
          </div>
          <div className="steady-roll-total waiting" data-testid="total-not-reported">
            <strong>{counts.notReported}</strong>
            {rt('board.notReported')}
          </div>
        </div>
        <div style={{ marginTop: 10 }}>
          <CountBar c={all} />
        </div>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {rt('board.total', { n: counts.total })}
        </Typography.Text>
      </Card>
      {counts.missing > 0 && <MissingNames rollCall={rollCall} />}
      <Card size="small" title={rt('board.groups')}>
        {rollCall.groups.map((g) => (
          <div className="steady-roll-group" key={g.groupKey} data-testid="roll-group" data-group={g.groupKey}>
            <div style={{ minWidth: 0 }}>
              <Typography.Text strong ellipsis>
                {g.name}
              </Typography.Text>
              <div style={{ fontSize: 12 }}>
                <Typography.Text type="secondary">
                  {g.kind === 'class' ? (g.teacherName ?? rt('board.noTeacher')) : ''}
                  {g.reportedAt ? ` · ${rt('board.reported', { time: markTime(g.reportedAt, locale, timeZone) })}` : ''}
                </Typography.Text>
              </div>
            </div>
            <CountBar c={g} />
            <Flex gap={6} align="center" justify="end">
              <Typography.Text
                data-testid="group-count"
                type={g.missing > 0 ? 'danger' : undefined}
                style={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }}
              >
                {g.missing > 0 && <WarningFilled />} {g.total - g.notReported - g.missing}/{g.total}
              </Typography.Text>
              {g.mine && (
                <Link to={`/roll-calls/${rollCall.id}/groups/${encodeURIComponent(g.groupKey)}`}>
                  <Button size="small" type={open ? 'primary' : 'default'} data-testid="open-group">
                    {rt(open ? 'board.markGroup' : 'board.viewGroup')}
                  </Button>
                </Link>
              )}
            </Flex>
          </div>
        ))}
      </Card>
    </Flex>
  );
}

/** The missing, by name, for those the server shows names to (the school's keepers, each class's teacher). */
function MissingNames({ rollCall }: { rollCall: RollCall }) {
  const rt = useRollCallText();
  const groups = rollCall.groups.filter((g) => g.missing > 0);
  const key = groups.map((g) => `${g.groupKey}:${g.missing}`).join(',');
  const names = useResource(async () => {
    const lists = await Promise.all(groups.map((g) => rollCallsApi.group(rollCall.id, g.groupKey).catch(() => null)));
    return lists.flatMap((list) =>
      (list?.subjects ?? [])
        .filter((s) => s.status === 'missing' && s.name)
        .map((s) => ({ id: s.subjectId, name: s.name, group: list!.name })),
    );
  }, [rollCall.id, key]);
  if (!names.data?.length) return null;
  return (
    <Card
      size="small"
      title={rt('board.missingNames')}
      data-testid="missing-names"
      styles={{ header: { color: '#cf1322' } }}
    >
      <Flex gap={6} wrap>
        {names.data.map((n) => (
          <Tag key={n.id} color="red">
            {n.name} · {n.group}
          </Tag>
        ))}
      </Flex>
    </Card>
  );
}
