import { Alert, App, Button, Result, Spin, Tabs } from 'antd';
import { useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { ApiError } from '../../api/client.js';
import { plansApi } from '../../api/endpoints.js';
import { planStatusLabel } from '../../components/labels.js';
import { LoadError } from '../../components/LoadError.js';
import { useT } from '../../i18n/index.js';
import { BlanksList } from './BlanksList.js';
import { sectionOfField, type SectionKey } from './plan-model.js';
import { PlanEditor } from './PlanEditor.js';
import { PlanHeader } from './PlanHeader.js';
import { PlanHistory } from './PlanHistory.js';
import { PlanPreview } from './PlanPreview.js';
import { useLeaveGuard } from '../../components/useLeaveGuard.js';
import { usePlan } from './usePlan.js';
import { usePlanPeople } from './usePlanPeople.js';
import { usePlanRights } from './usePlanRights.js';

type TabKey = 'edit' | 'preview' | 'history';

/** One plan: its sections to edit (or read), a preview to print and export, and its versions. */
export default function PlanEditorPage() {
  const t = useT();
  const { modal } = App.useApp();
  const { id = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const version = Number(params.get('v')) || undefined;
  const state = usePlan(id, version);
  const { plan, draft } = state;
  const rights = usePlanRights(plan?.unitId);
  const people = usePlanPeople(plan);
  const [tab, setTab] = useState<TabKey>('edit');
  const [section, setSection] = useState<SectionKey>('general');
  useLeaveGuard(state.dirty);

  if (state.error) {
    if (state.error instanceof ApiError && state.error.status === 404) {
      return (
        <Result
          status="404"
          title={t('plan.notFound')}
          extra={
            <Link to="/plans">
              <Button type="primary">{t('plan.back')}</Button>
            </Link>
          }
        />
      );
    }
    return <LoadError error={state.error} onRetry={state.reload} />;
  }
  if (!plan || !draft)
    return (
      <div style={{ textAlign: 'center', paddingTop: 80 }}>
        <Spin />
      </div>
    );

  const readOnly = plan.status !== 'draft' || !rights.canEdit;
  const showVersion = (n: number | undefined) => setParams(n ? { v: String(n) } : {}, { replace: false });

  /**
   * Saves first (so the server counts the blanks of what will be published), then asks; with blanks
   * left, the dialog lists them section by section and asks to publish anyway.
   */
  const publish = async () => {
    if (state.dirty && !(await state.save())) return;
    let blanks = plan.blanks;
    try {
      blanks = (await plansApi.get(plan.planId)).blanks;
    } catch {
      // the list shown with the plan stands; publishing itself will say what went wrong
    }
    modal.confirm({
      title: blanks.length
        ? t('plan.publishWithBlanks', { count: blanks.length, version: plan.version })
        : t('plan.publishConfirm', { version: plan.version }),
      content: (
        <>
          {blanks.length > 0 && (
            <>
              <p>{t('plan.publishBlanksText')}</p>
              <BlanksList blanks={blanks} testId="publish-blanks" />
            </>
          )}
          <p style={{ marginTop: blanks.length ? 12 : undefined }}>{t('plan.publishConfirmText')}</p>
        </>
      ),
      okText: blanks.length ? t('plan.publishAnyway') : t('plan.publish'),
      okButtonProps: { danger: blanks.length > 0, 'data-testid': 'publish-ok' },
      cancelText: t('common.cancel'),
      onOk: async () => {
        const { published, problems } = await state.publish();
        if (published || !problems.length) return;
        // Show the first section with a problem, unless the one on screen has some.
        const sections = problems.map((p) => sectionOfField(p.field));
        setTab('edit');
        setSection((current) => (sections.includes(current) ? current : (sections.find((s) => s !== null) ?? current)));
      },
    });
  };

  const revise = () =>
    modal.confirm({
      title: t('plan.reviseConfirm', { version: state.versions[state.versions.length - 1]?.version ?? plan.version }),
      okText: t('plan.revise'),
      cancelText: t('common.cancel'),
      onOk: async () => {
        const next = await state.revise();
        if (next && version) showVersion(undefined);
        if (next) setTab('edit');
      },
    });

  const notice =
    plan.status !== 'draft'
      ? t('plan.readOnlyPublished', { version: plan.version, status: planStatusLabel(t, plan.status) })
      : !rights.canEdit
        ? t('plan.readOnlyNoRight')
        : null;

  return (
    <>
      <PlanHeader
        plan={plan}
        versions={state.versions}
        state={state}
        canEdit={rights.canEdit}
        canPublish={rights.canPublish}
        onSave={() => void state.save()}
        onPublish={() => void publish()}
        onRevise={revise}
        onOpenDraft={(n) => showVersion(n)}
      />
      {notice && <Alert type="info" showIcon title={notice} style={{ marginBottom: 12 }} data-testid="plan-readonly" />}
      <Tabs
        activeKey={tab}
        onChange={(key) => setTab(key as TabKey)}
        destroyOnHidden
        items={[
          {
            key: 'edit',
            label: readOnly ? t('plan.tabRead') : t('plan.tabEdit'),
            children: (
              <PlanEditor
                kind={plan.kind}
                draft={draft}
                setContent={state.setContent}
                setDraft={state.setDraft}
                readOnly={readOnly}
                problems={state.problems}
                section={section}
                onSection={setSection}
                people={people.people}
                peopleLoading={people.loading}
              />
            ),
          },
          { key: 'preview', label: t('plan.tabPreview'), children: <PlanPreview plan={plan} dirty={state.dirty} /> },
          {
            key: 'history',
            label: t('plan.tabHistory'),
            children: (
              <PlanHistory
                key={state.versions.length}
                planId={plan.planId}
                versions={state.versions}
                current={plan.version}
                onView={(n) => showVersion(n)}
              />
            ),
          },
        ]}
      />
    </>
  );
}
