import type { Locale } from '../../../common/locale.js';
import { stageName } from '../../../common/report-stages.js';
import { DUTY_KINDS, type DutyKind } from '../../../common/schemas/incident-reports.js';
import type { ReportsT } from './i18n.js';

interface Recorded {
  kind: string;
  data: Record<string, unknown> | null;
}

const num = (value: unknown, fallback: number) => (typeof value === 'number' ? value : fallback);
const str = (value: unknown) => (typeof value === 'string' ? value : '');

function stageOf(data: Record<string, unknown>, locale: Locale): string {
  const kind = (DUTY_KINDS as readonly unknown[]).includes(data.stage) ? (data.stage as DutyKind) : null;
  const name = kind ? stageName(kind, num(data.seq, 1), locale) : str(data.stage);
  // English sentences name the stage mid-sentence: "sent the follow-up 2".
  return locale === 'en' ? name.charAt(0).toLowerCase() + name.slice(1) : name;
}

/**
 * A staged report's line on the incident's timeline, in the reader's language, built from its data;
 * null for any other kind of event.
 */
export function reportEventSentence(rt: ReportsT, locale: Locale, event: Recorded, actor: string): string | null {
  if (!event.kind.startsWith('report.')) return null;
  const d = event.data ?? {};
  const vars = { actor, stage: stageOf(d, locale), n: num(d.version, 1), unit: str(d.by) || str(d.toUnit) };
  switch (event.kind) {
    case 'report.drafted':
      return rt(d.forwarded ? 'ev.forwardDrafted' : 'ev.drafted', vars);
    case 'report.signed_off':
      return rt(d.as === 'acting_head' ? 'ev.signedOffActing' : 'ev.signedOff', vars);
    case 'report.sent':
      return rt('ev.sent', vars);
    case 'report.returned':
      return rt('ev.returned', vars);
    case 'report.accepted':
      return rt('ev.accepted', vars);
    case 'report.late':
      return rt('ev.late', vars);
    case 'report.missing':
      return rt('ev.missing', vars);
    case 'report.reminded':
      return rt('ev.reminded', vars);
    case 'report.verbal':
      return rt('ev.verbal', {
        actor,
        whom: str(d.toWhom),
        channel: rt(
          d.channel === 'in_person' ? 'channel.in_person' : d.channel === 'other' ? 'channel.other' : 'channel.phone',
        ),
      });
    case 'report.casualties':
      return rt(d.supplementId ? 'ev.casualtiesSupplement' : 'ev.casualties', vars);
    default:
      return null;
  }
}

/** A late or missing stage flag explained: which stage, by when. Null for the chain's own flags. */
export function stageFlagDetail(
  rt: ReportsT,
  locale: Locale,
  flag: { kind: string; detail: Record<string, unknown> | null },
  time: (iso: string) => string,
): string | null {
  const d = flag.detail ?? {};
  if (typeof d.stage !== 'string') return null;
  const vars = { stage: stageOf(d, locale), time: time(str(d.dueAt)) };
  return rt(flag.kind === 'missing' ? 'flag.stageMissing' : 'flag.stageLate', vars);
}
