import { Typography } from 'antd';
import type { ReportingAtAGlance } from '../../../common/schemas/incident-reports.js';
import { shortTime } from '../../components/format.js';
import { useLocale } from '../../i18n/index.js';
import { useReportText } from './i18n.js';
import { ReceptionTag, useStageName } from './labels.js';

/** One line on the incident board: the latest report sent and what the unit above made of it, and the next deadline. */
export function BoardReporting({ reporting }: { reporting: ReportingAtAGlance | null }) {
  const rt = useReportText();
  const name = useStageName();
  const { locale } = useLocale();
  if (!reporting || (!reporting.latest && !reporting.next)) return null;
  const { latest, next } = reporting;
  const late = next && (next.late || Date.parse(next.dueAt) < Date.now());
  return (
    <div
      className="steady-board-reporting"
      data-testid="board-reporting"
      data-latest={latest ? `${latest.stage}${latest.seq}` : ''}
      data-reception={latest?.reception ?? ''}
    >
      {latest && (
        <span>
          {rt('board.latest', { stage: name(latest.stage, latest.seq) })} <ReceptionTag reception={latest.reception} />
        </span>
      )}
      {next && (
        <Typography.Text type={late ? 'danger' : 'secondary'} style={{ fontSize: 12 }}>
          {rt('board.next', { stage: name(next.kind, next.seq), time: shortTime(next.dueAt, locale) })}
        </Typography.Text>
      )}
    </div>
  );
}
