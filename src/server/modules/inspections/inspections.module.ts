import type { Db } from '../../db/database.js';
import type { DeadlineEngine } from '../../engine/engine.js';
import type { Clock } from '../../lib/clock.js';
import type { Notifier } from '../../notify/notifier.js';
import type { AuditTrail } from '../audit/audit.service.js';
import type { DrillService } from '../drills/drills.service.js';
import type { FollowUpTasks } from '../incidents/follow-up-tasks.js';
import type { PhotoService } from '../photos/photos.service.js';
import type { UnitService } from '../units/units.service.js';
import { ChecklistService } from './checklists.service.js';
import { inspectionPhotoKind } from './inspection-photos.js';
import { InspectionService } from './inspections.service.js';
import { LedgerService } from './ledger.service.js';
import { TaskNotices } from './rectification.notices.js';
import { RectificationService, type DrillLookup } from './rectification.service.js';
import { ScheduleService } from './schedules.service.js';

/** The inspections capability's services, built together because they call one another. */
export interface Inspections {
  checklists: ChecklistService;
  schedules: ScheduleService;
  inspections: InspectionService;
  rectification: RectificationService;
  ledger: LedgerService;
}

export interface InspectionDeps {
  db: Db;
  clock: Clock;
  audit: AuditTrail;
  units: UnitService;
  engine: DeadlineEngine;
  notifier: Notifier;
  /** Where uploaded photos are kept. */
  dataDir: string;
  /** Keeps the photos; inspections declare theirs to it. */
  photos: PhotoService;
  /** Read-only: a drill's problem becomes a task of the drill's own unit. */
  drills: Pick<DrillService, 'find'>;
}

/** Finds a drill of the unit through the drills service, with the caller's own access. */
export function drillLookup(drills: Pick<DrillService, 'find'>): DrillLookup {
  return {
    async find(actor, unitId, drillId) {
      const drill = await drills.find(actor, drillId);
      return drill?.unit_id === unitId ? { title: drill.title } : undefined;
    },
  };
}

/** An incident's follow-ups as rectification tasks: the owner must be of the unit, the day not past. */
export function followUpTasks(rectification: RectificationService): FollowUpTasks {
  const rename: Record<string, string> = { ownerPersonId: 'ownerId', dueAt: 'dueDate' };
  return {
    async check(tx, unitId, ownerPersonId, dueAt, prefix) {
      const problems = await rectification.checkOwnerAndDue(tx, unitId, ownerPersonId, dueAt);
      return problems.map((p) => ({ ...p, field: `${prefix}${rename[p.field] ?? p.field}` }));
    },
    create(tx, afterCommit, actor, task) {
      return rectification.createInTx(tx, afterCommit, actor, {
        unit: task.unit,
        title: task.title,
        risk: 'medium',
        ownerPersonId: task.ownerPersonId,
        dueAt: task.dueAt,
        source: { kind: 'incident', id: task.incidentId, label: task.label, itemCode: null, detail: task.detail },
      });
    },
  };
}

/** Builds the services; their deadline handlers are registered by the container (`inspectionDeadlines`). */
export function createInspections(d: InspectionDeps): Inspections {
  d.photos.declare(inspectionPhotoKind(d.units, d.engine));
  const rectification = new RectificationService(
    d.db,
    d.clock,
    d.audit,
    d.units,
    d.engine,
    new TaskNotices(d.notifier),
    drillLookup(d.drills),
  );
  return {
    checklists: new ChecklistService(d.db, d.clock, d.audit, d.units),
    schedules: new ScheduleService(d.db, d.clock, d.audit, d.units, d.engine, d.notifier),
    inspections: new InspectionService(d.db, d.clock, d.audit, d.units, rectification, d.dataDir, d.photos),
    rectification,
    ledger: new LedgerService(d.db, d.clock, d.units),
  };
}
