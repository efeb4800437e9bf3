import type SQLite from 'better-sqlite3';
import type { Config } from './config.js';
import { openDatabase, type Db, type DialectName } from './db/database.js';
import { systemClock, type Clock } from './lib/clock.js';
import { AuditTrail } from './modules/audit/audit.service.js';
import { SignInLimits } from './modules/auth/sign-in-limits.js';
import { AuthService } from './modules/auth/auth.service.js';
import { PeopleService } from './modules/people/people.service.js';
import { deadlineKinds } from './deadline-kinds.js';
import { DeadlineEngine } from './engine/engine.js';
import { IncidentNotifier } from './modules/incidents/incident-notifier.js';
import { incidentPhotoKind } from './modules/incidents/incident-photos.js';
import { IncidentService } from './modules/incidents/incidents.service.js';
import { PlanService } from './modules/plans/plans.service.js';
import { createChannels } from './notify/channels/index.js';
import { DeliveryWorker } from './notify/delivery-worker.js';
import { LiveBus } from './notify/live-bus.js';
import { LiveStreams } from './notify/live-streams.js';
import { Notifier } from './notify/notifier.js';
import { VisitorService } from './modules/visitors/visitors.service.js';
import { RosterService } from './modules/rosters/rosters.service.js';
import { RollCallService } from './modules/roll-calls/roll-calls.service.js';
import { CaseService } from './modules/cases/cases.service.js';
import { DrillService } from './modules/drills/drills.service.js';
import { createInspections, followUpTasks, type Inspections } from './modules/inspections/inspections.module.js';
import { drillPhotoKind } from './modules/drills/drill-photos.js';
import { PhotoService } from './modules/photos/photos.service.js';
import { PatrolCheckIns } from './modules/patrols/patrol-check-ins.js';
import { checkInPhotoKind } from './modules/patrols/patrol-photos.js';
import { PatrolPlanner } from './modules/patrols/patrol-planner.js';
import { PatrolService } from './modules/patrols/patrols.service.js';
import { PatrolWindowChange } from './modules/patrols/patrol-window-change.js';
import { PlanRules } from './modules/plans/rules-in-force.js';
import { SetupService } from './modules/setup/setup.service.js';
import { UnitService } from './modules/units/units.service.js';
import { LeaveService } from './modules/leave/leave.service.js';
import { DutyService } from './modules/duty/duty.service.js';
import { FeedService } from './modules/duty/feeds.service.js';
import { HandoverService } from './modules/duty/handovers.service.js';
import { RosterTransfer } from './modules/duty/roster-transfer.js';
import { RotationService } from './modules/duty/rotations.service.js';
import { SwapService } from './modules/duty/swaps.service.js';
import { createDailyReports, type DailyReports } from './modules/daily-reports/daily-reports.module.js';
import { createDirectives, type Directives } from './modules/directives/directives.module.js';
// ── Reaching people (issue #11) ──
import { SecretBox } from './lib/secret-box.js';
import { AcknowledgementService } from './modules/acknowledgements/acknowledgements.service.js';
import { ChannelService } from './modules/channels/channels.service.js';
import { Failover } from './notify/failover.js';
import type { VendorSettingsSource } from './notify/channels/vendor-settings.js';
// issue 18: letters, assessment, compliance, analytics
import { createSupervision, type Supervision } from './modules/supervision/supervision.module.js';
import { createTodo } from './modules/todo/todo.module.js';
import type { TodoService } from './modules/todo/todo.service.js';
// Staged incident reports (信息报送), issue 16.
import { createIncidentReports, type IncidentReports } from './modules/incident-reports/incident-reports.module.js';
import { IncidentReportingPort } from './modules/incidents/incident-reporting.port.js';
import { PeopleDirectory } from './modules/people/people.directory.js';
import { NotificationService } from './modules/notifications/notifications.service.js';
import { ContactService } from './modules/notifications/contacts.service.js';

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
  /** This instance's server-sent-event streams, fed by the bus. */
  live: LiveStreams;
  deliveries: DeliveryWorker;
  incidents: IncidentService;
  /** Photos of incidents and drills, each kind declared by its module. */
  photos: PhotoService;
  visitors: VisitorService;
  rosters: RosterService;
  /** Evacuation roll calls: who is accounted for, live; missing people alerted at once. */
  rollCalls: RollCallService;
  cases: CaseService;
  drills: DrillService;
  /** Checklists, schedules, inspection runs, rectification tasks and the ledger. */
  inspections: Inspections;
  patrols: PatrolService;
  patrolCheckIns: PatrolCheckIns;
  /** Daily reports and zero reports: sending, the supervisors' matrix, the engine's planner. */
  dailyReports: DailyReports;
  /** Notices and directives down the tree, signed for and replied to. */
  directives: Directives;
  /** Staged incident reports (信息报送): stages, sign-off, the unit above's inbox, deadlines. */
  incidentReports: IncidentReports;
  /** Heads' leave; `leave.actingHeadFor(unitId, at, tx)` names the deputy acting for an away head. */
  /** Issue 18: responsibility letters, assessment sheets, compliance with the rules, the bureau's analytics. */
  supervision: Supervision;
  /** My to-do: what waits for a person across modules, read through each module's read port. */
  todo: TodoService;
  leave: LeaveService;
  /** Duty rosters; `duty.onDutyAt(unitId, at, tx)` says who is on duty in a unit at a moment. */
  duty: DutyService;
  dutyRosters: {
    rotations: RotationService;
    swaps: SwapService;
    handovers: HandoverService;
    transfer: RosterTransfer;
    feeds: FeedService;
  };
  /** Vendor accounts (SMS, voice, work apps, Web Push): settings, secrets sealed, callback keys. */
  channelSettings: ChannelService;
  /** One-tap acknowledge links and SMS / work-app replies. */
  acknowledgements: AcknowledgementService;
  /** Failover inside the deadline and vendors' delivery receipts. */
  failover: Failover;
  /** Tells people: the inbox, the outbox and the live nudge. */
  notifier: Notifier;
  /** The in-app inbox: a person's notifications, read and marked read. */
  notifications: NotificationService;
  /** How each person is reached, in order (the delivery worker's addresses). */
  contacts: ContactService;
  close(): Promise<void>;
}

export interface ContainerOptions {
  clock?: Clock;
  /** An already opened database (tests pass one per dialect). */
  database?: { db: Db; dialect: DialectName; sqlite: SQLite.Database | null };
  onEngineError?: (error: unknown) => void;
  /** Delivery channels; tests point them at local receivers (a function gets the vendor settings to read). */
  channels?: ReturnType<typeof createChannels> | ((vendors: VendorSettingsSource) => ReturnType<typeof createChannels>);
}

export function createContainer(config: Config, options: ContainerOptions = {}): Container {
  const { db, dialect, sqlite } = options.database ?? openDatabase(config.database);
  const clock = options.clock ?? systemClock;
  const audit = new AuditTrail(db, clock, dialect, {
    keys: config.auditKeys,
    checkpointDir: config.auditCheckpointDir,
    checkpointEveryMs: config.auditCheckpointEveryMs,
  });
  const bus = new LiveBus(config.database.dialect === 'postgres' ? { url: config.database.url } : undefined);
  // Vendor secrets are sealed with the key from the environment; without one, links die at restart and secrets cannot
  // be saved.
  const box = config.secretKey ? new SecretBox(config.secretKey) : SecretBox.ephemeral();
  const channelSettings = new ChannelService(db, clock, audit, box, config.publicUrl);
  const channels =
    typeof options.channels === 'function'
      ? options.channels(channelSettings)
      : (options.channels ??
        createChannels({ smtp: config.smtp, vendors: channelSettings, vapidSubject: config.vapidSubject }));
  const acknowledgements = new AcknowledgementService(db, clock, box);
  const deliveries = new DeliveryWorker(db, dialect, clock, channels, {
    publicUrl: config.publicUrl,
    perPersonPerMinute: config.deliveriesPerPersonPerMinute,
    leaseMs: config.deliveryLeaseMs,
    acks: acknowledgements,
  });
  const failover = new Failover(db, dialect, deliveries);
  deliveries.beforeClaim = async (now) => void (await failover.sweep(now));
  const notifier = new Notifier(bus, deliveries, acknowledgements);
  const units = new UnitService(db, clock, audit);
  const people = new PeopleService(db, clock, audit, units, notifier);
  const notifications = new NotificationService(db, clock);
  const contacts = new ContactService(db, clock, audit, people, units);
  const signInLimits = new SignInLimits(db, clock, {
    perAccount: config.loginAttempts,
    perAddress: config.loginAddressAttempts,
    windowMs: config.loginWindowMs,
  });
  const auth = new AuthService(db, clock, audit, config.sessionHours, signInLimits);
  const setup = new SetupService(db, units, people, auth);
  const plans = new PlanService(db, clock, audit, units);
  const planRules = new PlanRules(db);
  const engine = new DeadlineEngine(db, dialect, clock, {
    batchSize: config.engineBatchSize,
    onError: options.onEngineError ?? ((error) => console.error('deadline engine:', error)),
  });
  const leave = new LeaveService(db, clock, audit, units, planRules, notifier);
  const duty = new DutyService(db, clock, audit, units, planRules, leave);
  const dutyRosters = {
    rotations: new RotationService(db, clock, audit, units, planRules, engine),
    swaps: new SwapService(db, clock, audit, units, notifier),
    handovers: new HandoverService(db, clock, audit, notifier),
    transfer: new RosterTransfer(db, clock, audit, units, duty),
    feeds: new FeedService(db, clock, audit, units),
  };
  const drills = new DrillService(db, clock, audit, units, planRules);
  const photos = new PhotoService(db, clock, audit, config.dataDir);
  const inspections = createInspections({
    db,
    clock,
    audit,
    units,
    engine,
    notifier,
    dataDir: config.dataDir,
    photos,
    drills,
  });
  // An after-action report's follow-ups become rectification tasks, chased like any hazard.
  const incidents = new IncidentService(
    db,
    clock,
    audit,
    units,
    planRules,
    engine,
    new IncidentNotifier(bus, notifier),
    leave,
    followUpTasks(inspections.rectification),
  );
  const visitors = new VisitorService(db, clock, audit, units, planRules, engine, notifier);
  const rosters = new RosterService(db, clock, audit, units);
  const rollCalls = new RollCallService(db, dialect, clock, audit, units, notifier, bus, {
    onDuty: (unitId, at, tx) => duty.onDutyIds(unitId, at, tx),
    actingHead: async (unitId, at, tx) => (await leave.actingHeadFor(unitId, at, tx))?.deputyPersonId ?? null,
    evacuationMeasured: (tx, actor, drillId, seconds) => drills.evacuationMeasured(tx, actor, drillId, seconds),
  });
  const cases = new CaseService(db, clock, audit, units, engine, notifier);
  photos.declare(incidentPhotoKind(incidents));
  photos.declare(drillPhotoKind(units));
  acknowledgements.useSteps(incidents);
  // Prompts go to the people on the duty roster now, and to the role holders where no shift is on.
  const patrolPlanner = new PatrolPlanner(audit, planRules, engine, notifier, (unitId, at, tx) =>
    duty.onDutyIds(unitId, at, tx),
  );
  const patrols = new PatrolService(db, clock, audit, units, planRules, engine, patrolPlanner);
  const patrolCheckIns = new PatrolCheckIns(db, clock, audit, engine, patrols, photos);
  photos.declare(checkInPhotoKind());
  const dailyReports = createDailyReports({ db, clock, audit, planRules, engine, notifier, bus });
  plans.onPublished((tx, unitId, at) => dailyReports.scheduler.planPublished(tx, unitId, at));
  // --- time in every zone (issue #10): a published patrol window applies to the night in progress ---
  const patrolWindowChange = new PatrolWindowChange(planRules, engine, patrolPlanner);
  plans.onPublished((tx, unitId, at) => patrolWindowChange.planPublished(tx, unitId, at));
  // --- end time in every zone ---
  const directives = createDirectives({ db, dialect, clock, audit, units, engine, notifier, dataDir: config.dataDir });
  const supervision = createSupervision({ db, clock, audit, units, engine, notifier, planRules, plans });
  // Staged incident reports hook into incidents (a report, a status change, the board) through its port.
  const incidentReports = createIncidentReports(
    {
      db,
      dialect,
      clock,
      audit,
      engine,
      units,
      rules: planRules,
      heads: leave,
      notifier,
      bus,
      people: new PeopleDirectory(),
      incidents: new IncidentReportingPort(incidents),
    },
    incidents.hooks,
  );
  // Every module's deadline kinds, registered at once from one list (deadline-kinds.ts).
  engine.register(
    deadlineKinds({
      incidents,
      incidentReports,
      visitors,
      cases,
      rotations: dutyRosters.rotations,
      patrolPlanner,
      inspections,
      dailyReports,
      directives,
      supervision,
    }),
  );
  return {
    config,
    db,
    dialect,
    sqlite,
    clock,
    audit,
    units,
    people,
    auth,
    setup,
    plans,
    planRules,
    engine,
    bus,
    live: new LiveStreams(bus),
    deliveries,
    incidents,
    photos,
    visitors,
    rosters,
    rollCalls,
    cases,
    drills,
    inspections,
    patrols,
    patrolCheckIns,
    dailyReports,
    directives,
    incidentReports,
    supervision,
    todo: createTodo({ db, clock, dailyReports: dailyReports.service }),
    leave,
    duty,
    dutyRosters,
    channelSettings,
    acknowledgements,
    failover,
    notifier,
    notifications,
    contacts,
    close: async () => {
      await engine.stop();
      await deliveries.stop();
      await audit.stop();
      await bus.stop();
      await db.destroy();
    },
  };
}
