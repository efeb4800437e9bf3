import { Alert, Card, Col, Grid, Row, Typography } from 'antd';
import { useRef } from 'react';
import type { PlanContent } from '../../../common/schemas/plan-content.js';
import type { PlanVersion } from '../../../common/schemas/plans.js';
import { useT } from '../../i18n/index.js';
import {
  blankCount,
  messagesUnder,
  sectionLabel,
  sectionOfField,
  sectionsFor,
  type FieldProblem,
  type PlanDraft,
  type SectionKey,
} from './plan-model.js';
import { SectionNav } from './SectionNav.js';
import { ChainSection } from './sections/ChainSection.js';
import { DutiesSection } from './sections/DutiesSection.js';
import { DutySection } from './sections/DutySection.js';
import { GeneralSection } from './sections/GeneralSection.js';
import { LeadershipSection } from './sections/LeadershipSection.js';
import { PeriodSection } from './sections/PeriodSection.js';
import { ProceduresSection } from './sections/ProceduresSection.js';
import type { SectionProps } from './sections/section-props.js';
import { DailyReportSection, DrillsSection, VisitorsSection } from './sections/SmallSections.js';
import { ReportStagesSection } from './sections/ReportStagesSection.js';
import { TextSection } from './sections/TextSection.js';
import type { PlanPerson } from './usePlanPeople.js';

interface Props {
  kind: PlanVersion['kind'];
  draft: PlanDraft;
  setContent: (patch: Partial<PlanContent>) => void;
  setDraft: (patch: Partial<PlanDraft>) => void;
  readOnly: boolean;
  problems: FieldProblem[];
  section: SectionKey;
  onSection: (key: SectionKey) => void;
  people: PlanPerson[];
  peopleLoading: boolean;
}

function SectionBody({
  section,
  people,
  peopleLoading,
  ...props
}: SectionProps & { section: SectionKey; people: PlanPerson[]; peopleLoading: boolean }) {
  switch (section) {
    case 'general':
      return <GeneralSection {...props} />;
    case 'leadership':
      return <LeadershipSection {...props} people={people} peopleLoading={peopleLoading} />;
    case 'duties':
      return <DutiesSection {...props} />;
    case 'chain':
      return <ChainSection {...props} />;
    case 'reportStages':
      return <ReportStagesSection {...props} />;
    case 'procedures':
      return <ProceduresSection {...props} />;
    case 'duty':
      return <DutySection {...props} />;
    case 'dailyReport':
      return <DailyReportSection {...props} />;
    case 'drills':
      return <DrillsSection {...props} />;
    case 'visitors':
      return <VisitorsSection {...props} />;
    case 'discipline':
    case 'accountability':
      return <TextSection {...props} field={section} />;
    case 'period':
      return <PeriodSection {...props} />;
  }
}

/** The section list and the chosen section's form; problems from the server are marked on both. */
export function PlanEditor({
  kind,
  draft,
  setContent,
  setDraft,
  readOnly,
  problems,
  section,
  onSection,
  people,
  peopleLoading,
}: Props) {
  const t = useT();
  const screens = Grid.useBreakpoint();
  const compact = !screens.lg;
  const marks = sectionsFor(kind).map((key) => ({
    key,
    problems: problems.filter((p) => sectionOfField(p.field) === key).length,
    blanks: readOnly ? 0 : blankCount(key, draft),
  }));
  const problemsAt = (field: string) => messagesUnder(problems, field);
  const top = useRef<HTMLDivElement>(null);
  /** On a phone the new section starts where the old one was scrolled to; bring its top back into view. */
  const choose = (key: SectionKey) => {
    onSection(key);
    if (compact && top.current && top.current.getBoundingClientRect().top < 0)
      top.current.scrollIntoView({ block: 'start' });
  };

  const body = (
    <Card size="small" title={t(sectionLabel(section))} data-testid="section-body" data-section={section}>
      <SectionBody
        key={section}
        section={section}
        draft={draft}
        setContent={setContent}
        setDraft={setDraft}
        readOnly={readOnly}
        problemsAt={problemsAt}
        people={people}
        peopleLoading={peopleLoading}
      />
    </Card>
  );

  return (
    <>
      {problems.length > 0 && (
        <Alert
          type="error"
          showIcon
          data-testid="plan-problems"
          title={t('plan.problemsTitle')}
          description={
            <ul style={{ margin: '4px 0 0', paddingInlineStart: 20 }}>
              {problems.map((p, i) => {
                const key = sectionOfField(p.field);
                return (
                  <li key={i}>
                    {key ? (
                      <Typography.Link onClick={() => choose(key)}>
                        {t('plan.problemsIn', { section: t(sectionLabel(key)), message: p.message })}
                      </Typography.Link>
                    ) : (
                      p.message
                    )}
                  </li>
                );
              })}
            </ul>
          }
          style={{ marginBottom: 12 }}
        />
      )}
      {compact ? (
        <div ref={top} style={{ scrollMarginTop: 56 }}>
          <div className="steady-plan-section-bar">
            <SectionNav sections={marks} current={section} onChange={choose} compact />
          </div>
          {body}
        </div>
      ) : (
        <Row gutter={16} wrap={false}>
          <Col flex="220px">
            <Card size="small" styles={{ body: { padding: 4 } }} style={{ position: 'sticky', top: 72 }}>
              <SectionNav sections={marks} current={section} onChange={choose} compact={false} />
            </Card>
          </Col>
          <Col flex="auto" style={{ minWidth: 0 }}>
            {body}
          </Col>
        </Row>
      )}
    </>
  );
}
