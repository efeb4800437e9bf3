import type { Locale } from '../../common/locale.js';
import type { Role, UnitType } from '../../common/org.js';
import type { ChainStep, PlanContent } from '../../common/schemas/plan-content.js';
import type { PlanVersion } from '../../common/schemas/plans.js';
import type { OfficialDocument, OfficialSection, OfficialTable } from './docx/outline.js';
import {
  DRILL_LABELS,
  HEAD_TITLES,
  INCIDENT_LABELS,
  ROLE_LABELS,
  formatDate,
  formatLimit,
  localDateOf,
} from './plan-labels.js';
import { PHRASES } from './plan-phrases.js';
import type { Phrases } from './plan-phrases.js';

/*
 * A plan version as the official document a unit files: 一、总则 … 九、责任追究, in the plan's own
 * locale. The .docx writer and the print view both render what this returns.
 */

type Person = PlanVersion['people'][number];

interface Context {
  plan: PlanVersion;
  locale: Locale;
  p: Phrases;
  people: Map<string, Person>;
}

/** Splits a text field into paragraphs; plans write one paragraph per line. */
function paragraphs(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
}

function section(
  heading: string,
  level: OfficialSection['level'],
  body: string[] = [],
  extra: Partial<OfficialSection> = {},
): OfficialSection {
  return { heading, level, paragraphs: body, ...extra };
}

/** The role as this unit calls it: the accountable head of a kindergarten is its 园长. */
export function roleLabel(role: Role, unitType: UnitType, locale: Locale): string {
  return role === 'accountable_head' ? HEAD_TITLES[locale][unitType] : ROLE_LABELS[locale][role];
}

function general(ctx: Context): OfficialSection {
  const { content } = ctx.plan;
  const h = ctx.p.headings;
  const parts: [string, string][] = [
    [h.purpose, content.purpose],
    [h.basis, content.basis],
    [h.scope, content.scope],
    [h.principles, content.principles],
  ];
  const children = parts
    .filter(([, text]) => text.trim())
    .map(([heading, text]) => section(heading, 2, paragraphs(text)));
  return section(h.general, 1, [], { children });
}

function personCells(ctx: Context, id: string | null): [string, string] {
  const person = id ? ctx.people.get(id) : undefined;
  if (!person) return [ctx.p.toFill(ctx.p.nameWord), ctx.p.toFill(ctx.p.phoneWord)];
  return [person.name, person.phone ?? ctx.p.toFill(ctx.p.phoneWord)];
}

function leadershipTable(ctx: Context): OfficialTable {
  const { leadership } = ctx.plan.content;
  const { positions } = ctx.p;
  const row = (position: string, id: string | null) => [position, ...personCells(ctx, id)];
  const rows = [
    row(positions.leader, leadership.leaderId),
    ...(leadership.deputyIds.length ? leadership.deputyIds : [null]).map((id) => row(positions.deputy, id)),
    ...(leadership.memberIds.length ? leadership.memberIds : [null]).map((id) => row(positions.member, id)),
  ];
  return { columns: ctx.p.leadershipColumns, rows, widths: [1, 1.4, 1.6] };
}

function organisation(ctx: Context): OfficialSection {
  const { leadership, duties } = ctx.plan.content;
  const h = ctx.p.headings;
  const [contact, phone] = personCells(ctx, leadership.officeContactId);
  const officeName = leadership.officeName || ctx.p.toFill(h.office);
  const children = [
    section(h.leadership, 2, [ctx.p.leadershipIntro(ctx.plan.unitName)], { table: leadershipTable(ctx) }),
    section(h.office, 2, [ctx.p.office(officeName, contact, phone)]),
  ];
  if (duties.length)
    children.push(section(h.duties, 2, [], { children: duties.map((d) => section(d.title, 3, paragraphs(d.text))) }));
  return section(h.organisation, 1, [], { children });
}

function chainTarget(ctx: Context, step: ChainStep): string {
  const { unitType } = ctx.plan;
  if (step.target === 'unit') {
    const role =
      step.role === 'accountable_head'
        ? `${ROLE_LABELS[ctx.locale].accountable_head}（${HEAD_TITLES[ctx.locale][unitType]}）`
        : ROLE_LABELS[ctx.locale][step.role];
    return ctx.p.chainThisUnit(ctx.locale === 'en' ? role.replace('（', ' (').replace('）', ')') : role);
  }
  const role = step.role === 'supervisor' ? null : roleLabel(step.role, unitType, ctx.locale);
  if (step.target === 'nearest') return ctx.p.chainAbove(step.unitType ?? null, role);
  if (step.target === 'ancestor') return ctx.p.chainAbove(null, role);
  return ctx.p.chainParent(unitType, role);
}

function reporting(ctx: Context): OfficialSection {
  const rows = ctx.plan.content.reportingChain.map((step, i) => [
    String(i + 1),
    chainTarget(ctx, step),
    formatLimit(step.deadlineMinutes, ctx.locale),
    step.note || ctx.p.chainMethod[step.kind],
  ]);
  const table = { columns: ctx.p.chainColumns, rows, widths: [0.7, 2.4, 1.3, 3] };
  const afterTable = [ctx.p.chainClosing, ctx.p.stagesLine(ctx.plan.content.reportStages)];
  return section(ctx.p.headings.reporting, 1, [ctx.p.chainIntro], { table, afterTable });
}

function stepText(ctx: Context, step: PlanContent['procedures'][number]['steps'][number]): string {
  const who = step.who || (step.role ? roleLabel(step.role, ctx.plan.unitType, ctx.locale) : '');
  const limit = step.withinMinutes === null ? null : formatLimit(step.withinMinutes, ctx.locale);
  return who || limit ? step.what + ctx.p.stepSuffix(who, limit) : step.what;
}

function response(ctx: Context): OfficialSection {
  const children = ctx.plan.content.procedures.map((procedure) =>
    section(INCIDENT_LABELS[ctx.locale][procedure.incidentType], 2, [], {
      children: procedure.steps.map((step) => section(stepText(ctx, step), 3)),
    }),
  );
  return section(ctx.p.headings.response, 1, [], { children });
}

function dutyAndPatrol(ctx: Context): OfficialSection {
  const { content } = ctx.plan;
  const lines = [...ctx.p.dutyLines(content.duty), ctx.p.visitorLine(content.visitorRetentionDays)];
  if (content.leaveApprovalRequired) lines.push(ctx.p.leaveLine);
  return section(ctx.p.headings.duty, 1, lines);
}

function drills(ctx: Context): OfficialSection {
  const { unitType, content } = ctx.plan;
  if (!content.drills.length) return section(ctx.p.headings.drills, 1, [ctx.p.noDrills]);
  const rows = content.drills.map((d) => [DRILL_LABELS[ctx.locale][d.type], ctx.p.drillTimes(d.perTerm)]);
  const special = ctx.plan.kind === 'special_period';
  const table = { columns: ctx.p.drillColumns(unitType, special), rows, widths: [2, 1] };
  return section(ctx.p.headings.drills, 1, [ctx.p.drillIntro(unitType, special)], { table });
}

function titleLines(ctx: Context): string | undefined {
  const { plan, p, locale } = ctx;
  const lines: string[] = [];
  if (plan.period) {
    const end = plan.period.endDate ? formatDate(plan.period.endDate, locale) : null;
    lines.push(p.period(plan.period.name, formatDate(plan.period.startDate, locale), end));
  }
  if (plan.status === 'draft') lines.push(p.draft);
  return lines.length ? lines.join('\n') : undefined;
}

export function planToOfficialDocument(plan: PlanVersion): OfficialDocument {
  const locale = plan.locale;
  const ctx: Context = {
    plan,
    locale,
    p: PHRASES[locale],
    people: new Map(plan.people.map((person) => [person.id, person])),
  };
  const h = ctx.p.headings;
  const { content } = plan;
  const sections = [general(ctx), organisation(ctx), reporting(ctx), response(ctx), dutyAndPatrol(ctx)];
  if (content.dailyReport.required)
    sections.push(section(h.dailyReport, 1, ctx.p.dailyReportLines(content.dailyReport.deadline, plan.unitType)));
  sections.push(drills(ctx));
  if (content.discipline.trim()) sections.push(section(h.discipline, 1, paragraphs(content.discipline)));
  if (content.accountability.trim()) sections.push(section(h.accountability, 1, paragraphs(content.accountability)));
  const subtitle = titleLines(ctx);
  return {
    locale,
    title: plan.title,
    issuer: plan.unitName,
    dateText: formatDate(localDateOf(plan.publishedAt ?? plan.updatedAt), locale),
    ...(subtitle ? { subtitle } : {}),
    sections,
  };
}
