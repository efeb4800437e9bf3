import { Alert, Button, Card, Input, List, Result as ResultView, Spin, Typography } from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { ApiError } from '../../api/client.js';
import { applyProblem } from '../../components/form-errors.js';
import { LoadError } from '../../components/LoadError.js';
import { PageTitle } from '../../components/PageTitle.js';
import { useResource } from '../../components/useResource.js';
import { useMe } from '../auth/session.js';
import { useLeaveGuard } from '../../components/useLeaveGuard.js';
import { inspectionsApi, type Checklist, type Inspection } from './api.js';
import { useInspectionText } from './i18n.js';
import { ItemAnswer, type Answer } from './ItemAnswer.js';
import { useUnitPeople } from './useUnitPeople.js';
import './inspections.css';

const DAY = 86_400_000;

function blankAnswers(checklist: Checklist, owner: string | undefined): Record<string, Answer> {
  return Object.fromEntries(
    checklist.items.map((i) => [
      i.code,
      { note: '', photoIds: [], ownerPersonId: owner, dueDays: i.fixDays, risk: i.risk },
    ]),
  );
}

/** Server problems at `answers.N…` shown under item N; the rest above the submit button. */
function placeProblems(
  error: unknown,
  checklist: Checklist,
  sent: string[],
): { byCode: Record<string, string[]>; rest: string | null } {
  if (!(error instanceof ApiError) || error.fieldErrors.length === 0)
    return { byCode: {}, rest: applyProblem(null, error) };
  const byCode: Record<string, string[]> = {};
  const rest: string[] = [];
  for (const { field, message } of error.fieldErrors) {
    const index = /^answers\.(\d+)/.exec(field)?.[1];
    const code = index !== undefined ? sent[Number(index)] : undefined;
    if (code && checklist.items.some((i) => i.code === code)) byCode[code] = [...(byCode[code] ?? []), message];
    else rest.push(message);
  }
  return { byCode, rest: rest.length ? rest.join(' ') : null };
}

/**
 * Running an inspection on a phone: every item a big pass / fail / not-applicable choice; a failure
 * opens a note, a photo and who fixes it by when. One submit sends the lot; each failure becomes a
 * rectification task.
 */
export default function RunPage() {
  const tn = useInspectionText();
  const me = useMe();
  const navigate = useNavigate();
  const { checklistId = '' } = useParams();
  const checklist = useResource(() => inspectionsApi.checklist(checklistId), [checklistId]);
  const { people } = useUnitPeople(checklist.data?.unitId);
  const [answers, setAnswers] = useState<Record<string, Answer>>({});
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [problems, setProblems] = useState<{ byCode: Record<string, string[]>; rest: string | null }>({
    byCode: {},
    rest: null,
  });
  const [done, setDone] = useState<Inspection | null>(null);

  const mine = people.some((p) => p.value === me.personId) ? me.personId : undefined;
  useEffect(() => {
    if (checklist.data) setAnswers(blankAnswers(checklist.data, mine));
  }, [checklist.data, mine]);

  const onChange = useCallback(
    (code: string, change: Partial<Answer>) => setAnswers((all) => ({ ...all, [code]: { ...all[code]!, ...change } })),
    [],
  );
  const items = useMemo(() => checklist.data?.items ?? [], [checklist.data]);
  const answered = useMemo(() => items.filter((i) => answers[i.code]?.result).length, [items, answers]);
  const failures = useMemo(() => items.filter((i) => answers[i.code]?.result === 'fail').length, [items, answers]);
  useLeaveGuard(answered > 0 && !done);

  const restPass = () =>
    setAnswers((all) =>
      Object.fromEntries(
        Object.entries(all).map(([code, a]) => [code, a.result ? a : { ...a, result: 'pass' as const }]),
      ),
    );

  const submit = async () => {
    if (!checklist.data) return;
    setBusy(true);
    setProblems({ byCode: {}, rest: null });
    const sent = items.map((i) => i.code);
    try {
      const now = Date.now();
      const run = await inspectionsApi.submit({
        checklistId,
        note: note.trim(),
        answers: items.map((item) => {
          const a = answers[item.code]!;
          const base = { itemCode: item.code, result: a.result!, note: a.note.trim(), photoIds: a.photoIds };
          if (a.result !== 'fail') return base;
          // Left to the server when unchanged: it counts the item's days from the moment it records the run.
          return {
            ...base,
            task: {
              ...(a.ownerPersonId ? { ownerPersonId: a.ownerPersonId } : {}),
              ...(a.dueDays !== item.fixDays ? { dueAt: new Date(now + a.dueDays * DAY).toISOString() } : {}),
              ...(a.risk !== item.risk ? { risk: a.risk } : {}),
            },
          };
        }),
      });
      setDone(run);
      window.scrollTo({ top: 0 });
    } catch (error) {
      setProblems(placeProblems(error, checklist.data, sent));
    } finally {
      setBusy(false);
    }
  };

  if (checklist.error) return <LoadError error={checklist.error} onRetry={checklist.reload} />;
  if (!checklist.data) return <Spin />;
  if (done) {
    const tasks = done.results.filter((r) => r.taskId);
    return (
      <div className="steady-insp" data-testid="run-done">
        <ResultView
          status={tasks.length ? 'warning' : 'success'}
          title={tn('run.done')}
          subTitle={tn('run.doneIntro', { pass: done.counts.pass, fail: done.counts.fail, na: done.counts.na })}
          extra={[
            <Button
              key="ledger"
              type="primary"
              size="large"
              onClick={() => navigate(`/inspections/ledger?unit=${done.unitId}`)}
              data-testid="to-ledger"
            >
              {tn('run.toLedger')}
            </Button>,
            <Button key="back" size="large" onClick={() => navigate(`/inspections?unit=${done.unitId}`)}>
              {tn('run.again')}
            </Button>,
          ]}
        />
        <Card size="small" title={tasks.length ? tn('run.tasksMade', { n: tasks.length }) : tn('run.noTasks')}>
          <List
            size="small"
            dataSource={tasks}
            renderItem={(r) => (
              <List.Item>
                <Link to={`/inspections/tasks/${r.taskId}`}>
                  {r.itemCode} · {r.itemText}
                </Link>
              </List.Item>
            )}
          />
        </Card>
      </div>
    );
  }

  const unitId = checklist.data.unitId;
  return (
    <div className="steady-insp steady-insp-run" data-testid="run-page">
      <PageTitle title={tn('run.title', { name: checklist.data.name })} />
      <Typography.Paragraph type="secondary">{tn('run.intro')}</Typography.Paragraph>
      <div className="steady-insp-items">
        {items.map((item) => (
          <ItemAnswer
            key={item.code}
            item={item}
            answer={answers[item.code] ?? blankAnswers(checklist.data!, mine)[item.code]!}
            unitId={unitId}
            people={people}
            errors={problems.byCode[item.code] ?? []}
            onChange={onChange}
          />
        ))}
      </div>
      <Input.TextArea
        value={note}
        onChange={(e) => setNote(e.target.value)}
        placeholder={tn('run.overall')}
        aria-label={tn('run.overall')}
        autoSize={{ minRows: 2 }}
        maxLength={2000}
        style={{ margin: '12px 0', fontSize: 16 }}
      />
      {problems.rest && (
        <Alert type="error" showIcon title={problems.rest} style={{ marginBottom: 12 }} data-testid="run-error" />
      )}
      <div className="steady-insp-sticky steady-insp-runbar">
        <div className="steady-insp-progress">
          <span data-testid="run-progress">{tn('run.progress', { done: answered, total: items.length })}</span>
          {failures > 0 && <span className="steady-insp-failcount">{tn('run.failures', { n: failures })}</span>}
        </div>
        <div className="steady-insp-runbar-buttons">
          {answered < items.length && (
            <Button size="large" onClick={restPass} data-testid="rest-pass">
              {tn('run.restPass')}
            </Button>
          )}
          <Button
            type="primary"
            size="large"
            disabled={answered < items.length}
            loading={busy}
            onClick={() => void submit()}
            data-testid="run-submit"
            style={{ flex: 1 }}
          >
            {answered < items.length ? tn('run.unanswered', { n: items.length - answered }) : tn('run.submit')}
          </Button>
        </div>
      </div>
    </div>
  );
}
