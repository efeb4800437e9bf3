import { ClockCircleOutlined, HistoryOutlined } from '@ant-design/icons';
import { Button, Tag, Typography } from 'antd';
import { useLocale } from '../../i18n/index.js';
import { MARK_STATUSES, type MarkStatus } from './api.js';
import { useRollCallText } from './i18n.js';
import type { ShownSubject } from './marks.js';

/** A time of the roll call as `HH:mm:ss` in the unit's zone. */
export function markTime(iso: string, locale: string, timeZone: string): string {
  const clock = { hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' } as const;
  return new Intl.DateTimeFormat(locale, { ...clock, timeZone }).format(new Date(iso));
}

interface Props {
  subject: ShownSubject;
  disabled: boolean;
  timeZone: string;
  onMark: (status: MarkStatus) => void;
  onHistory: () => void;
}

/** One child (or adult) on the list: the latest mark, and one button per status, one tap each. */
export function MarkRow({ subject, disabled, timeZone, onMark, onHistory }: Props) {
  const rt = useRollCallText();
  const { locale } = useLocale();
  return (
    <li
      className={`steady-roll-row status-${subject.status ?? 'none'}`}
      data-testid="roll-row"
      data-subject-id={subject.subjectId}
      data-status={subject.status ?? ''}
      data-waiting={subject.waiting ? 'yes' : 'no'}
    >
      <div className="steady-roll-who">
        <Typography.Text strong className="steady-roll-name">
          {subject.name}
        </Typography.Text>
        <span className="steady-roll-meta">
          {subject.waiting && (
            <Tag icon={<ClockCircleOutlined />} color="gold" data-testid="waiting-tag">
              {rt('mark.waiting')}
            </Tag>
          )}
          {subject.waiting ? null : subject.history.length > 1 || subject.conflict ? (
            <Button
              type="link"
              size="small"
              icon={<HistoryOutlined />}
              onClick={onHistory}
              className={subject.conflict ? 'steady-roll-conflict' : undefined}
              data-testid="history-link"
            >
              {rt('mark.history', { n: subject.history.length })}
            </Button>
          ) : subject.markedAt ? (
            <Typography.Text type="secondary">
              {rt('mark.by', {
                name: subject.markedByName ?? rt('mark.me'),
                time: markTime(subject.markedAt, locale, timeZone),
              })}
            </Typography.Text>
          ) : null}
        </span>
      </div>
      <div className="steady-roll-buttons" role="group" aria-label={subject.name}>
        {MARK_STATUSES.map((status) => (
          <button
            key={status}
            type="button"
            className={`steady-roll-btn ${status}${subject.status === status ? ' on' : ''}`}
            aria-pressed={subject.status === status}
            disabled={disabled}
            onClick={() => onMark(status)}
            data-testid={`mark-${status}`}
          >
            {rt(`mark.${status}`)}
          </button>
        ))}
      </div>
    </li>
  );
}
