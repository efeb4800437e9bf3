import { Modal, Tag, Timeline, Typography } from 'antd';
import { useLocale } from '../../i18n/index.js';
import { useRollCallText } from './i18n.js';
import type { ShownSubject } from './marks.js';
import { markTime } from './MarkRow.js';

const COLOURS = { present: 'green', missing: 'red', injured: 'orange', absent: 'gray' } as const;

/** Every mark a child got, oldest first; the last one counts (two teachers may have marked them). */
export function HistoryModal({
  subject,
  timeZone,
  onClose,
}: {
  subject: ShownSubject | null;
  timeZone: string;
  onClose: () => void;
}) {
  const rt = useRollCallText();
  const { locale } = useLocale();
  return (
    <Modal
      open={subject !== null}
      title={subject ? rt('mark.historyTitle', { name: subject.name }) : ''}
      onCancel={onClose}
      footer={null}
      destroyOnHidden
    >
      {subject && (
        <div data-testid="mark-history">
          <Typography.Paragraph type="secondary">{rt('mark.latest')}</Typography.Paragraph>
          <Timeline
            items={subject.history.map((h, index) => ({
              color: COLOURS[h.status],
              content: (
                <span data-testid="history-entry" data-status={h.status}>
                  <Tag color={COLOURS[h.status]} style={{ marginInlineEnd: 8 }}>
                    {rt(`status.${h.status}`)}
                  </Tag>
                  {markTime(h.markedAt, locale, timeZone)} · {h.markedByName ?? rt('mark.me')}
                  {index === subject.history.length - 1 ? ' ✓' : ''}
                </span>
              ),
            }))}
          />
        </div>
      )}
    </Modal>
  );
}
