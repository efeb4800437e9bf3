import type { MessageKey } from '../../lib/messages.js';
import type { Locale } from '../../../common/locale.js';
import { planBlanks } from '../../../common/plan-blanks.js';
import {
  applyContentPatch,
  PlanContent,
  type PlanContentPatch,
  type SpecialPeriod,
} from '../../../common/schemas/plan-content.js';
import type { TemplateId } from '../../../common/schemas/plans.js';
import type { Page, PageQuery } from '../../../common/schemas/shared.js';
import type { Db, Executor } from '../../db/database.js';
import type { PlanVersionRow } from './plans.table.js';
import { loadPlanTemplate } from '../../exports/plan-templates.js';
import type { Clock } from '../../lib/clock.js';
import { AppError, conflict, invalid, notFound } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import type { Actor } from '../auth/actor.js';
import type { AuditTrail } from '../audit/audit.service.js';
import { canSee, requireManage, scopeRoots } from '../units/units.policy.js';
import type { UnitService } from '../units/units.service.js';
import { fillLeadership } from './leadership.js';
import { publishProblems } from './publish-rules.js';
import * as peoplePort from '../people/people.read-port.js';
import * as unitsPort from '../units/units.read-port.js';
import * as repo from './plans.repository.js';
import { requireApprover } from './plans.policy.js';
import { namedPeople } from './plan-versions.js';

export interface PlanBundle {
  plan: repo.PlanWithUnit;
  versions: PlanVersionRow[];
}

export interface CreatePlanInput {
  unitId: string;
  template: TemplateId;
  locale?: Locale;
  period?: SpecialPeriod;
}

export interface DraftChanges {
  title?: string;
  period?: SpecialPeriod;
  coversSubUnits?: boolean;
  /** Only the sections named change (a PATCH); the rest of the stored content stays. */
  content?: PlanContentPatch;
}

const draftOf = (b: PlanBundle) => b.versions.find((v) => v.status === 'draft');
const latestOf = (b: PlanBundle) => b.versions[b.versions.length - 1]!;
const periodColumns = (p: SpecialPeriod | null | undefined) => ({
  period_name: p?.name ?? null,
  period_start: p?.startDate ?? null,
  period_end: p?.endDate ?? null,
});

/** What publishing did that the publisher should hear of; not a problem: the plan is published. */
export interface PublishNotice {
  field: string;
  key: MessageKey;
  params: Record<string, string | number>;
}

/**
 * Work another module does in the transaction that publishes a plan of `unitId` (rules change at
 * once); it may answer with notices for the publisher.
 */
export type PlanPublishedListener = (tx: Executor, unitId: string, at: Date) => Promise<PublishNotice[] | void>;

export class PlanService {
  private readonly publishedListeners: PlanPublishedListener[] = [];

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly audit: AuditTrail,
    private readonly units: UnitService,
  ) {}

  /** Tells `listener` of each plan published, inside the publishing transaction. */
  onPublished(listener: PlanPublishedListener): void {
    this.publishedListeners.push(listener);
  }

  async get(actor: Actor, planId: string, db: Executor = this.db): Promise<PlanBundle> {
    const plan = await repo.findPlan(db, planId);
    if (!plan || !canSee(actor, plan.unit_path)) throw notFound();
    return { plan, versions: await repo.versionsOf(db, [plan.id]) };
  }

  async list(actor: Actor, options: PageQuery & { unitId?: string; subtree?: boolean }): Promise<Page<PlanBundle>> {
    let within = scopeRoots(actor);
    let unitId: string | undefined;
    if (options.unitId) {
      const unit = await this.units.requireVisible(actor, options.unitId);
      if (options.subtree) within = [unit.path];
      else unitId = unit.id;
    }
    const { rows, total } = await repo.listPlans(
      this.db,
      within,
      unitId,
      (options.page - 1) * options.pageSize,
      options.pageSize,
    );
    const versions = await repo.versionsOf(
      this.db,
      rows.map((r) => r.id),
    );
    const items = rows.map((plan) => ({ plan, versions: versions.filter((v) => v.plan_id === plan.id) }));
    return { items, page: options.page, pageSize: options.pageSize, total };
  }

  /** A plan from a template: the leadership group and chain filled from the unit's people. */
  async create(actor: Actor, input: CreatePlanInput): Promise<PlanBundle> {
    const template = loadPlanTemplate(input.template);
    if ((template.kind === 'special_period') !== Boolean(input.period)) throw invalid('period', 'plan.templateKind');
    return this.db.transaction().execute(async (tx) => {
      const unit = await this.units.requireManageable(actor, input.unitId, tx);
      const locale = input.locale ?? (unit.locale as Locale);
      const now = this.clock.now().toISOString();
      const planId = newId();
      await repo.insertPlan(tx, {
        id: planId,
        unit_id: unit.id,
        kind: template.kind,
        template: template.id,
        created_at: now,
        updated_at: now,
      });
      const content = fillLeadership(template.content[locale], await peoplePort.holdersIn(tx, unit.id));
      const version: PlanVersionRow = {
        id: newId(),
        plan_id: planId,
        version: 1,
        status: 'draft',
        title: template.title[locale].replace('{unit}', unit.name),
        locale,
        ...periodColumns(input.period),
        covers_sub_units: 0,
        content_json: JSON.stringify(content),
        created_by: actorId(actor),
        created_at: now,
        updated_at: now,
        published_at: null,
        approved_by_person_id: null,
      };
      await repo.insertVersion(tx, version);
      await this.audit.record(tx, actor, {
        action: 'plan.create',
        entity: 'plan',
        entityId: planId,
        unitId: unit.id,
        after: { template: template.id, title: version.title },
      });
      return this.get(actor, planId, tx);
    });
  }

  /** A new draft, copied from the newest version, for the next revision. */
  async startRevision(actor: Actor, planId: string): Promise<PlanBundle> {
    return this.db.transaction().execute(async (tx) => {
      const bundle = await this.get(actor, planId, tx);
      requireManage(actor, bundle.plan.unit_path);
      const draft = draftOf(bundle);
      if (draft) throw conflict('plan.draftExists', { version: draft.version });
      const latest = latestOf(bundle);
      const now = this.clock.now().toISOString();
      const row = {
        ...latest,
        id: newId(),
        version: latest.version + 1,
        status: 'draft' as const,
        created_by: actorId(actor),
        created_at: now,
        updated_at: now,
        published_at: null,
        approved_by_person_id: null,
      };
      await repo.insertVersion(tx, row);
      await repo.touchPlan(tx, planId, now);
      await this.audit.record(tx, actor, {
        action: 'plan.revise',
        entity: 'plan',
        entityId: planId,
        unitId: bundle.plan.unit_id,
        after: { version: row.version },
      });
      return this.get(actor, planId, tx);
    });
  }

  async updateDraft(actor: Actor, planId: string, changes: DraftChanges): Promise<PlanBundle> {
    return this.db.transaction().execute(async (tx) => {
      const bundle = await this.get(actor, planId, tx);
      requireManage(actor, bundle.plan.unit_path);
      const draft = draftOf(bundle);
      if (!draft) throw new AppError(409, 'conflict', 'plan.noDraft');
      const now = this.clock.now().toISOString();
      const stored = PlanContent.parse(JSON.parse(draft.content_json));
      const content = changes.content === undefined ? stored : applyContentPatch(stored, changes.content);
      const update: Partial<PlanVersionRow> = {
        updated_at: now,
        ...(changes.title !== undefined && { title: changes.title }),
        ...(changes.period !== undefined && bundle.plan.kind === 'special_period' && periodColumns(changes.period)),
        ...(changes.coversSubUnits !== undefined && { covers_sub_units: changes.coversSubUnits ? 1 : 0 }),
        ...(changes.content !== undefined && { content_json: JSON.stringify(content) }),
      };
      await repo.updateVersion(tx, draft.id, update);
      await repo.touchPlan(tx, planId, now);
      await this.audit.record(tx, actor, {
        action: 'plan.edit',
        entity: 'plan',
        entityId: planId,
        unitId: bundle.plan.unit_id,
        before: { version: draft.version, title: draft.title, content: stored },
        after: { version: draft.version, title: update.title ?? draft.title, content },
      });
      return this.get(actor, planId, tx);
    });
  }

  /**
   * The accountable head approves the draft. The plan's version before it is superseded, and so,
   * for a standing plan, is the standing plan the unit had in force: a unit lives by one standing
   * plan at a time. Special-period plans of a unit may overlap; each adds its stricter rules.
   */
  async publish(actor: Actor, planId: string): Promise<PlanBundle & { notices: PublishNotice[] }> {
    return this.db.transaction().execute(async (tx) => {
      const bundle = await this.get(actor, planId, tx);
      const { plan } = bundle;
      requireApprover(actor, plan.unit_id);
      const draft = draftOf(bundle);
      if (!draft) throw new AppError(409, 'conflict', 'plan.noDraft');
      const problems = publishProblems(await this.checkInput(tx, bundle, draft));
      if (problems.length) throw new AppError(422, 'plan-not-publishable', 'plan.notPublishable', {}, problems);
      const now = this.clock.now().toISOString();
      // The unit's lock first: what is read below then includes a publish that committed meanwhile
      // (in this plan or another standing plan of the unit), so two standing plans cannot both be in force.
      await repo.lockUnitForPublishing(tx, plan.unit_id);
      // Blanks left do not stop publishing (the head may publish and fill them in a revision), but they are
      // recorded with the approval and the publisher is told how many remain.
      const blanks = planBlanks({
        title: draft.title,
        period: draft.period_start ? { name: draft.period_name ?? '' } : null,
        content: JSON.parse(draft.content_json),
      });
      await this.audit.record(tx, actor, {
        action: 'plan.publish',
        entity: 'plan',
        entityId: planId,
        unitId: plan.unit_id,
        after: { version: draft.version, blanksLeft: blanks.length },
      });
      if ((await repo.findVersion(tx, planId, draft.version))?.status !== 'draft')
        throw new AppError(409, 'conflict', 'plan.noDraft');
      await repo.supersedePublished(tx, planId, now);
      if (plan.kind === 'standing') {
        for (const other of await repo.otherPublishedStanding(tx, plan.unit_id, planId)) {
          await repo.supersedePublished(tx, other.plan_id, now);
          await repo.touchPlan(tx, other.plan_id, now);
          await this.audit.record(tx, actor, {
            action: 'plan.supersede',
            entity: 'plan',
            entityId: other.plan_id,
            unitId: plan.unit_id,
            before: { version: other.version, status: 'published' },
            after: { version: other.version, status: 'superseded', supersededBy: { planId, version: draft.version } },
          });
        }
      }
      await repo.updateVersion(tx, draft.id, {
        status: 'published',
        published_at: now,
        updated_at: now,
        approved_by_person_id: actor.kind === 'account' ? actor.personId : null,
      });
      await repo.touchPlan(tx, planId, now);
      const notices: PublishNotice[] = blanks.length
        ? [{ field: 'content', key: 'plan.blanksLeft', params: { count: blanks.length } }]
        : [];
      for (const listener of this.publishedListeners)
        notices.push(...((await listener(tx, plan.unit_id, this.clock.now())) ?? []));
      return { ...(await this.get(actor, planId, tx)), notices };
    });
  }

  private async checkInput(tx: Executor, { plan }: PlanBundle, draft: PlanVersionRow) {
    const holders = await peoplePort.holdersIn(tx, plan.unit_id);
    const lineage = await this.lineageOf(tx, plan.unit_path);
    const content = PlanContent.parse(JSON.parse(draft.content_json));
    const people = await repo.peopleByIds(
      tx,
      [
        content.leadership.leaderId,
        content.leadership.officeContactId,
        ...content.leadership.deputyIds,
        ...content.leadership.memberIds,
      ].filter((x): x is string => Boolean(x)),
    );
    const known = new Set([
      ...holders.map((h) => h.id),
      ...people.filter((p) => p.home_unit_id === plan.unit_id).map((p) => p.id),
    ]);
    return {
      kind: plan.kind,
      period: draft.period_start
        ? { name: draft.period_name ?? '', startDate: draft.period_start, endDate: draft.period_end }
        : null,
      content,
      lineage,
      knownPeople: known,
    };
  }

  /** The unit of `path` and every unit above it, nearest first, with the roles held in each. */
  private async lineageOf(tx: Executor, path: string) {
    const lineage = [];
    for (const unit of await unitsPort.lineage(tx, path)) {
      lineage.push({ ...unit, roles: new Set((await peoplePort.holdersIn(tx, unit.id)).map((h) => h.role)) });
    }
    return lineage;
  }

  /** The people the given versions name, by id, for presenting them. */
  async peopleNamedIn(
    rows: PlanVersionRow[],
  ): Promise<Map<string, { id: string; name: string; phone: string | null }>> {
    const ids = [...new Set(rows.flatMap(namedPeople))];
    const people = await repo.peopleByIds(this.db, ids);
    return new Map(people.map((p) => [p.id, { id: p.id, name: p.name, phone: p.phone }]));
  }

  /** One version, or the draft (else the newest) when no number is given. */
  async version(actor: Actor, planId: string, version?: number): Promise<{ bundle: PlanBundle; row: PlanVersionRow }> {
    const bundle = await this.get(actor, planId);
    const row =
      version === undefined
        ? (draftOf(bundle) ?? latestOf(bundle))
        : bundle.versions.find((v) => v.version === version);
    if (!row) throw notFound();
    return { bundle, row };
  }
}

const actorId = (actor: Actor) => (actor.kind === 'account' ? actor.accountId : null);
