import { App } from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { PlanContent } from '../../../common/schemas/plan-content.js';
import type { PlanVersion } from '../../../common/schemas/plans.js';
import { ApiError } from '../../api/client.js';
import { plansApi, type PlanVersionInfo } from '../../api/endpoints.js';
import { useResource } from '../../components/useResource.js';
import { useT } from '../../i18n/index.js';
import { draftOf, sectionOfField, type FieldProblem, type PlanDraft, type SectionKey } from './plan-model.js';

export interface PlanState {
  plan: PlanVersion | undefined;
  versions: PlanVersionInfo[];
  error: unknown;
  draft: PlanDraft | undefined;
  dirty: boolean;
  problems: FieldProblem[];
  busy: 'save' | 'publish' | 'revise' | null;
  setContent: (patch: Partial<PlanContent>) => void;
  setDraft: (patch: Partial<PlanDraft>) => void;
  reload: () => void;
  /** Saves the draft; true when it was saved. */
  save: () => Promise<boolean>;
  /** Saves, then publishes; the problems that stop it are returned and kept in `problems`. */
  publish: () => Promise<{ published: boolean; problems: FieldProblem[] }>;
  revise: () => Promise<PlanVersion | null>;
}

/** Sections a change of these fields touches (their old problems are dropped: the user is fixing them). */
const touched = (fields: string[]) => new Set(fields.map(sectionOfField).filter((k): k is SectionKey => k !== null));

/** One plan version being viewed or edited, its history, and the actions on it. */
export function usePlan(id: string, version: number | undefined): PlanState {
  const t = useT();
  const { message } = App.useApp();
  const [plan, setPlan] = useState<PlanVersion>();
  const [versions, setVersions] = useState<PlanVersionInfo[]>([]);
  const [draft, setDraftState] = useState<PlanDraft>();
  const [baseline, setBaseline] = useState('');
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const [busy, setBusy] = useState<PlanState['busy']>(null);

  const accept = useCallback((next: PlanVersion) => {
    const fresh = draftOf(next);
    setPlan(next);
    setDraftState(fresh);
    setBaseline(JSON.stringify(fresh));
  }, []);

  const refreshVersions = useCallback(() => plansApi.versions(id).then(setVersions, () => undefined), [id]);

  const loaded = useResource(
    () => Promise.all([version ? plansApi.version(id, version) : plansApi.get(id), plansApi.versions(id)]),
    [id, version],
  );
  useEffect(() => {
    if (!loaded.data) return;
    const [next, history] = loaded.data;
    accept(next);
    setVersions(history);
    setProblems([]);
  }, [loaded.data, accept]);

  const dropProblems = (fields: string[]) => {
    const sections = touched(fields);
    setProblems((list) =>
      list.length ? list.filter((p) => !sections.has(sectionOfField(p.field) as SectionKey)) : list,
    );
  };

  const setContent = (patch: Partial<PlanContent>) => {
    setDraftState((d) => d && { ...d, content: { ...d.content, ...patch } });
    dropProblems(Object.keys(patch).map((k) => `content.${k}`));
  };
  const setDraft = (patch: Partial<PlanDraft>) => {
    setDraftState((d) => d && { ...d, ...patch });
    dropProblems(Object.keys(patch));
  };

  const dirty = useMemo(() => draft !== undefined && JSON.stringify(draft) !== baseline, [draft, baseline]);

  /** Shows what the server refused: field problems in place, the rest as a message. */
  const refused = (err: unknown): FieldProblem[] => {
    const found = err instanceof ApiError ? err.fieldErrors : [];
    if (found.length) setProblems(found);
    // Field problems show in place and in the list; the message only says that something stopped it.
    message.error(
      err instanceof ApiError
        ? ((found.length ? err.problem.title : err.problem.detail) ?? err.problem.title)
        : String(err),
    );
    return found;
  };

  const saveDraft = async (): Promise<boolean> => {
    if (!plan || !draft) return false;
    try {
      accept(
        await plansApi.updateDraft(plan.planId, {
          title: draft.title.trim(),
          coversSubUnits: draft.coversSubUnits,
          content: draft.content,
          ...(plan.kind === 'special_period' && draft.period
            ? { period: { ...draft.period, name: draft.period.name.trim() } }
            : {}),
        }),
      );
      setProblems([]);
      return true;
    } catch (err) {
      refused(err);
      return false;
    }
  };

  const save = async () => {
    setBusy('save');
    const saved = await saveDraft();
    setBusy(null);
    if (saved) message.success(t('plan.saved'));
    return saved;
  };

  const publish = async () => {
    if (!plan) return { published: false, problems: [] };
    setBusy('publish');
    try {
      if (dirty && !(await saveDraft())) return { published: false, problems: [] };
      const published = await plansApi.publish(plan.planId);
      accept(published);
      setProblems([]);
      await refreshVersions();
      message.success(t('plan.published', { version: published.version }));
      // What the publish did that the publisher should know (a deadline already past today, …).
      for (const notice of published.notices) message.warning({ content: notice.message, duration: 10 });
      return { published: true, problems: [] };
    } catch (err) {
      return { published: false, problems: refused(err) };
    } finally {
      setBusy(null);
    }
  };

  const revise = async () => {
    if (!plan) return null;
    setBusy('revise');
    try {
      const next = await plansApi.startRevision(plan.planId);
      accept(next);
      await refreshVersions();
      message.success(t('plan.revised', { version: next.version }));
      return next;
    } catch (err) {
      refused(err);
      return null;
    } finally {
      setBusy(null);
    }
  };

  return {
    plan,
    versions,
    error: loaded.error,
    draft,
    dirty,
    problems,
    busy,
    setContent,
    setDraft,
    save,
    publish,
    revise,
    reload: loaded.reload,
  };
}
