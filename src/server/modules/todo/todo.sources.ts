import { DateTime } from 'luxon';
import { ORG_MANAGER_ROLES, type Role } from '../../../common/org.js';
import type { TodoItem } from '../../../common/schemas/todo.js';
import { localDate, localToUtc } from '../../../common/time.js';
import type { Executor } from '../../db/database.js';
import type { AccountActor } from '../auth/actor.js';
import { REPORTER_ROLES } from '../daily-reports/daily-reports.policy.js';
import { DIRECTIVE_ROLES } from '../directives/directive-notices.js';
import { owedBy } from '../directives/directives.read-port.js';
import { plannedDrills } from '../drills/drills.read-port.js';
import { handoversToAccept, swapsToAnswer } from '../duty/duty.read-port.js';
import { stepsWaitingFor } from '../incidents/incidents.read-port.js';
import { tasksToFix, tasksToVerify } from '../inspections/rectification.read-port.js';
import { leaveToDecide } from '../leave/leave.read-port.js';
import { releasingFor } from '../reunification/reunification.read-port.js';
import { classesToMark } from '../roll-calls/roll-calls.read-port.js';
import { classesById } from '../rosters/rosters.read-port.js';
import { stillInside } from '../visitors/visitors.read-port.js';

/*
 * Where the to-do list comes from: one small function per kind, each asking its module through that
 * module's read port (never its tables) and saying which of the person's units it concerns. Which
 * roles a kind is for follows whom the module itself tells (its notices and policy).
 */

/** What the daily-reports module says of a unit's today (its service decides the day in the unit's zone). */
export interface DailyToday {
  unitId: string;
  unitName: string;
  day: string;
  required: boolean;
  deadline: string | null;
  deadlineAt: string | null;
  sent: boolean;
}

export interface TodoContext {
  db: Executor;
  actor: AccountActor;
  now: Date;
  dailyToday: (unitId: string) => Promise<DailyToday>;
}

export type TodoSource = (ctx: TodoContext) => Promise<TodoItem[]>;

/** Drills planned this many days ahead already show, so that they can be prepared. */
const DRILL_LOOKAHEAD_DAYS = 7;
/** Who runs a unit's drills. */
const DRILL_ROLES: readonly Role[] = ['accountable_head', 'safety_officer'];

/** The units where the actor holds any of `roles` in that very unit (not above it). */
const unitsWhere = (actor: AccountActor, roles: readonly Role[]) =>
  actor.scopes.filter((s) => s.roles.some((r) => roles.includes(r))).map((s) => s.unitId);

const item = (ctx: TodoContext, fields: Omit<TodoItem, 'overdue'>): TodoItem => ({
  ...fields,
  overdue: fields.dueAt !== null && fields.dueAt <= ctx.now.toISOString(),
});

const incidentSteps: TodoSource = async (ctx) =>
  (await stepsWaitingFor(ctx.db, ctx.actor.personId)).map((s) =>
    item(ctx, {
      id: `step:${s.stepId}`,
      kind: s.kind === 'report' ? 'incident_report' : 'incident_acknowledge',
      params: { type: s.incidentType, severity: String(s.severity), drill: s.drill ? '1' : '' },
      unitId: s.unitId,
      unitName: s.unitName,
      dueAt: s.dueAt,
      route: `/incidents/${s.incidentId}`,
    }),
  );

const dailyReports: TodoSource = async (ctx) => {
  const todays = await Promise.all(unitsWhere(ctx.actor, REPORTER_ROLES).map((id) => ctx.dailyToday(id)));
  return todays
    .filter((d) => d.required && !d.sent)
    .map((d) =>
      item(ctx, {
        id: `daily:${d.unitId}:${d.day}`,
        kind: 'daily_report',
        params: { day: d.day, deadline: d.deadline ?? '' },
        unitId: d.unitId,
        unitName: d.unitName,
        dueAt: d.deadlineAt,
        route: `/daily-reports?unit=${d.unitId}`,
      }),
    );
};

const directives: TodoSource = async (ctx) =>
  (await owedBy(ctx.db, unitsWhere(ctx.actor, DIRECTIVE_ROLES))).map((d) =>
    item(ctx, {
      id: `directive-${d.owes}:${d.directiveId}:${d.unitId}`,
      kind: d.owes === 'sign' ? 'directive_sign' : 'directive_reply',
      params: { title: d.title },
      unitId: d.unitId,
      unitName: d.unitName,
      dueAt: d.dueAt,
      route: `/directives/${d.directiveId}`,
    }),
  );

const handovers: TodoSource = async (ctx) =>
  (await handoversToAccept(ctx.db, ctx.actor.personId, ctx.now)).map((h) =>
    item(ctx, {
      id: `handover:${h.handoverId}`,
      kind: 'handover_accept',
      params: { writer: h.writerName, date: h.localDate },
      unitId: h.unitId,
      unitName: h.unitName,
      dueAt: h.nextStartsAt,
      route: `/duty?unit=${h.unitId}&date=${h.localDate}&view=day`,
    }),
  );

const swaps: TodoSource = async (ctx) =>
  (await swapsToAnswer(ctx.db, ctx.actor.personId)).map((s) =>
    item(ctx, {
      id: `swap:${s.swapId}`,
      kind: 'swap_answer',
      params: { from: s.fromName, date: s.localDate },
      unitId: s.unitId,
      unitName: s.unitName,
      dueAt: s.startsAt,
      route: `/duty?unit=${s.unitId}&date=${s.localDate}&view=day`,
    }),
  );

const tasks: TodoSource = async (ctx) => {
  const [fix, verify] = await Promise.all([tasksToFix(ctx.db, ctx.actor.personId), tasksToVerify(ctx.db, ctx.actor)]);
  return [
    ...fix.map((t) =>
      item(ctx, {
        id: `task-fix:${t.id}`,
        kind: 'task_fix',
        params: { title: t.title, risk: t.risk },
        unitId: t.unitId,
        unitName: t.unitName,
        dueAt: t.dueAt,
        route: `/inspections/tasks/${t.id}`,
      }),
    ),
    // Verifying has no deadline of its own; it is listed without one, after what is timed.
    ...verify.map((t) =>
      item(ctx, {
        id: `task-verify:${t.id}`,
        kind: 'task_verify',
        params: { title: t.title, risk: t.risk },
        unitId: t.unitId,
        unitName: t.unitName,
        dueAt: null,
        route: `/inspections/tasks/${t.id}`,
      }),
    ),
  ];
};

const leave: TodoSource = async (ctx) =>
  (await leaveToDecide(ctx.db, unitsWhere(ctx.actor, ORG_MANAGER_ROLES), ctx.actor.personId)).map((l) =>
    item(ctx, {
      id: `leave:${l.leaveId}`,
      kind: 'leave_approve',
      params: { head: l.headName, from: l.startDate, to: l.endDate },
      unitId: l.unitId,
      unitName: l.unitName,
      dueAt: l.startsAt,
      route: '/duty/leave',
    }),
  );

/**
 * Visitors still inside: for the gate all day (signing them out is its work), for the safety
 * officer once closing time has passed (as the closing reminder tells them).
 */
const visitors: TodoSource = async (ctx) => {
  const gate = new Set(unitsWhere(ctx.actor, ['gatekeeper']));
  const office = new Set(unitsWhere(ctx.actor, ['safety_officer']));
  const inside = await stillInside(ctx.db, [...new Set([...gate, ...office])]);
  return inside.flatMap((v) => {
    const closing = localToUtc(localDate(ctx.now, v.timeZone), v.closingTime, v.timeZone).toISOString();
    if (!gate.has(v.unitId) && closing > ctx.now.toISOString()) return [];
    return [
      item(ctx, {
        id: `visitors:${v.unitId}`,
        kind: 'visitors_inside',
        params: { count: String(v.count), closing: v.closingTime },
        unitId: v.unitId,
        unitName: v.unitName,
        dueAt: closing,
        route: `/visitors?unit=${v.unitId}&tab=inside`,
      }),
    ];
  });
};

/** A roll call is open and the teacher's class has children not marked yet: their list waits on their phone. */
const rollCalls: TodoSource = async (ctx) => {
  const open = await classesToMark(ctx.db, unitsWhere(ctx.actor, ['class_teacher']));
  if (open.length === 0) return [];
  const classes = await classesById(ctx.db, [...new Set(open.map((g) => g.groupKey))]);
  return open.flatMap((g) => {
    const cls = classes.get(g.groupKey);
    if (cls?.teacherPersonId !== ctx.actor.personId) return [];
    return [
      item(ctx, {
        id: `roll-call:${g.rollCallId}:${g.groupKey}`,
        kind: 'roll_call_mark',
        params: { class: cls.name, count: String(g.unmarked) },
        unitId: g.unitId,
        unitName: g.unitName,
        dueAt: g.targetAt,
        route: `/roll-calls/${g.rollCallId}/groups/${g.groupKey}`,
      }),
    ];
  });
};

const drills: TodoSource = async (ctx) => {
  const units = unitsWhere(ctx.actor, DRILL_ROLES);
  // The widest local "today + lookahead" of any zone; each drill is then judged in its own unit's zone.
  const horizon = DateTime.fromJSDate(ctx.now)
    .plus({ days: DRILL_LOOKAHEAD_DAYS + 1 })
    .toUTC()
    .toISODate()!;
  const planned = await plannedDrills(ctx.db, units, horizon);
  return planned.flatMap((d) => {
    const last = DateTime.fromISO(localDate(ctx.now, d.timeZone)).plus({ days: DRILL_LOOKAHEAD_DAYS }).toISODate()!;
    if (d.plannedDate > last) return [];
    const endOfDay = localToUtc(
      DateTime.fromISO(d.plannedDate).plus({ days: 1 }).toISODate()!,
      '00:00',
      d.timeZone,
    ).toISOString();
    return [
      item(ctx, {
        id: `drill:${d.drillId}`,
        kind: 'drill_due',
        params: { title: d.title, type: d.type, date: d.plannedDate },
        unitId: d.unitId,
        unitName: d.unitName,
        dueAt: endOfDay,
        route: `/drills?unit=${d.unitId}`,
      }),
    ];
  });
};

/** An open reunification where the person releases children: it has no deadline, it lasts until closed. */
const reunifications: TodoSource = async (ctx) =>
  (await releasingFor(ctx.db, ctx.actor.personId)).map((r) =>
    item(ctx, {
      id: `reunification:${r.reunificationId}`,
      kind: 'reunification_release',
      params: { point: r.point },
      unitId: r.unitId,
      unitName: r.unitName,
      dueAt: null,
      route: `/reunifications/${r.reunificationId}`,
    }),
  );

export const TODO_SOURCES: readonly TodoSource[] = [
  reunifications,
  rollCalls,
  incidentSteps,
  dailyReports,
  directives,
  handovers,
  swaps,
  tasks,
  leave,
  visitors,
  drills,
];
