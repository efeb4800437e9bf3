import type SQLite from 'better-sqlite3';
import type { Config } from './config.js';
import { openDatabase, type Db, type DialectName } from './db/database.js';
import { systemClock, type Clock } from './lib/clock.js';
import { AuditTrail } from './modules/audit/audit.service.js';
import { AuthService } from './modules/auth/auth.service.js';
import { PeopleService } from './modules/people/people.service.js';
import { DeadlineEngine } from './engine/engine.js';
import { IncidentNotifier } from './modules/incidents/incident-notifier.js';
import { IncidentPhotos } from './modules/incidents/incident-photos.js';
import { IncidentService, STEP_DEADLINE } from './modules/incidents/incidents.service.js';
import { PlanService } from './modules/plans/plans.service.js';
import { createChannels } from './notify/channels/index.js';
import { DeliveryWorker } from './notify/delivery-worker.js';
import { LiveBus } from './notify/live-bus.js';
import { Notifier } from './notify/notifier.js';
import { CLOSING_DEADLINE, PURGE_DEADLINE, VisitorService } from './modules/visitors/visitors.service.js';
import { CaseService, FOLLOW_UP_DEADLINE } from './modules/cases/cases.service.js';
import { DrillService } from './modules/drills/drills.service.js';
import { PlanRules } from './modules/plans/rules-in-force.js';
import { SetupService } from './modules/setup/setup.service.js';
import { UnitService } from './modules/units/units.service.js';

/** Everything the app is made of, wired once, here and nowhere else. */
export interface Container {
  config: Config;
  db: Db;
  dialect: DialectName;
  sqlite: SQLite.Database | null;
  clock: Clock;
  audit: AuditTrail;
  units: UnitService;
  people: PeopleService;
  auth: AuthService;
  setup: SetupService;
  plans: PlanService;
  /** What the plans in force require of a unit at a moment: the one door to plan rules. */
  planRules: PlanRules;
  engine: DeadlineEngine;
  bus: LiveBus;
  deliveries: DeliveryWorker;
  incidents: IncidentService;
  photos: IncidentPhotos;
  visitors: VisitorService;
  cases: CaseService;
  drills: DrillService;
  close(): Promise<void>;
}

export interface ContainerOptions {
  clock?: Clock;
  /** An already opened database (tests pass one per dialect). */
  database?: { db: Db; dialect: DialectName; sqlite: SQLite.Database | null };
  onEngineError?: (error: unknown) => void;
  /** Delivery channels; tests point them at local receivers. */
  channels?: ReturnType<typeof createChannels>;
}

export function createContainer(config: Config, options: ContainerOptions = {}): Container {
  const { db, dialect, sqlite } = options.database ?? openDatabase(config.database);
  const clock = options.clock ?? systemClock;
  const audit = new AuditTrail(clock, dialect);
  const units = new UnitService(db, clock, audit);
  const people = new PeopleService(db, clock, audit, units);
  const auth = new AuthService(db, clock, audit, config.sessionHours);
  const setup = new SetupService(db, units, people, auth);
  const plans = new PlanService(db, clock, audit, units);
  const planRules = new PlanRules(db);
  const engine = new DeadlineEngine(db, dialect, clock, { batchSize: config.engineBatchSize, onError: options.onEngineError ?? ((error) => console.error('deadline engine:', error)) });
  const bus = new LiveBus(config.database.dialect === 'postgres' ? { url: config.database.url } : undefined);
  const channels = options.channels ?? createChannels({ smtp: config.smtp });
  const deliveries = new DeliveryWorker(db, dialect, clock, channels, { publicUrl: config.publicUrl, perPersonPerMinute: config.deliveriesPerPersonPerMinute, leaseMs: config.deliveryLeaseMs });
  const notifier = new Notifier(bus, deliveries);
  const incidents = new IncidentService(db, clock, audit, units, planRules, engine, new IncidentNotifier(bus, notifier));
  const visitors = new VisitorService(db, clock, audit, units, planRules, engine, notifier);
  engine.on(CLOSING_DEADLINE, ({ tx, deadline, now, afterCommit }) => visitors.onClosing(tx, deadline.ref_id, now, afterCommit));
  engine.on(PURGE_DEADLINE, ({ tx, deadline }) => visitors.onPurge(tx, deadline.ref_id));
  const cases = new CaseService(db, clock, audit, units, engine, notifier);
  const drills = new DrillService(db, clock, audit, units, planRules);
  engine.on(FOLLOW_UP_DEADLINE, ({ tx, deadline, now, afterCommit }) => cases.onFollowUp(tx, deadline.ref_id, now, afterCommit));
  const photos = new IncidentPhotos(db, clock, audit, incidents, config.dataDir);
  engine.on(STEP_DEADLINE, ({ tx, deadline, now, afterCommit }) => incidents.onStepDeadline(tx, deadline.ref_id, now, afterCommit));
  return {
    config, db, dialect, sqlite, clock, audit, units, people, auth, setup, plans, planRules, engine, bus, deliveries, incidents, photos, visitors, cases, drills,
    close: async () => {
      await engine.stop();
      await deliveries.stop();
      await bus.stop();
      await db.destroy();
    },
  };
}
