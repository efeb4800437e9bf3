import type { PlanContent } from '../../../../common/schemas/plan-content.js';
import type { PlanDraft } from '../plan-model.js';

/** What every section form gets: the draft, a way to change it, and the problems to show. */
export interface SectionProps {
  draft: PlanDraft;
  /** Replaces some of the content's fields. */
  setContent: (patch: Partial<PlanContent>) => void;
  /** Replaces some of the draft's own fields (title, period, coversSubUnits). */
  setDraft: (patch: Partial<PlanDraft>) => void;
  readOnly: boolean;
  /** The messages for a field path and anything below it, e.g. `content.reportingChain.1`. */
  problemsAt: (field: string) => string[];
}

/** Form.Item props that show a field's problems in place. */
export function problemProps(messages: string[]) {
  return messages.length ? { validateStatus: 'error' as const, help: messages.join(' ') } : {};
}
