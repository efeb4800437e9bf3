import type { Container } from '../container.js';
import type { UnitRow } from '../modules/units/units.table.js';
import type { SystemActor } from '../modules/auth/actor.js';
import { hashPassword } from '../modules/auth/password.js';
import * as unitsRepo from '../modules/units/units.repository.js';
import { DEFAULT_TIME_ZONE } from '../../common/locale.js';
import type { SettableClock } from './demo-clock.js';
import { historyStart, writeHistory, type DemoUnit, type HistoryCounts } from './history.js';
import { SAMPLE_TREES, sampleNames, samplePhone, seatsFor, type SampleUnit } from './sample-organisation.js';
import { createSampleCheckpoints, publishSamplePlans } from './sample-plans.js';
import { ROSTER_SCHOOL, seedSampleRosters } from './sample-rosters.js';

const demoActor: SystemActor = { kind: 'system', label: 'demo' };

export interface DemoResult {
  loaded: boolean;
  units: number;
  people: number;
  /** Standing plans published (with `samplePlans`). */
  plans: number;
  /** What the past holds (with `history`). */
  history: HistoryCounts | null;
}

export interface DemoOptions {
  /** Publish a standing plan from the templates for each school, kindergarten and community. */
  samplePlans?: boolean;
  /**
   * Also write about two months of past activity through the services, walking this clock (the
   * container's) from then to now; implies `samplePlans`, whose rules the past follows.
   */
  history?: SettableClock;
  /** Also give one sample school (`s2`) three classes of made-up pupils, so the roll call has children to mark. */
  sampleRosters?: boolean;
}

/**
 * Loads the sample organisation into an empty database; does nothing when units exist, so a
 * restart keeps what the user changed. Every account gets the same password (hashed once).
 */
export async function loadDemo(c: Container, password: string, options: DemoOptions = {}): Promise<DemoResult> {
  if ((await unitsRepo.countAll(c.db)) > 0) return { loaded: false, units: 0, people: 0, plans: 0, history: null };
  const clock = options.history;
  const end = clock?.now();
  // The county exists from the first day of its past: units, people and plans are made then.
  if (clock) clock.set(historyStart(end!, DEFAULT_TIME_ZONE));
  const passwordHash = await hashPassword(password);
  const seatCount = countSeats(SAMPLE_TREES);
  const names = sampleNames(seatCount);
  let people = 0;
  const units: UnitRow[] = [];
  const demoUnits: DemoUnit[] = [];

  const addUnit = async (unit: SampleUnit, parent: UnitRow | null): Promise<void> => {
    const row = parent
      ? await c.units.create(demoActor, { parentId: parent.id, name: unit.name, type: unit.type })
      : await c.db
          .transaction()
          .execute((tx) => c.units.createRoot(tx, demoActor, { name: unit.name, type: unit.type }));
    units.push(row);
    demoUnits.push({ code: unit.code, type: unit.type, row });
    for (const seat of seatsFor(unit)) {
      const index = people++;
      await c.people.create(
        demoActor,
        {
          homeUnitId: row.id,
          name: names[index]!,
          phone: samplePhone(index),
          roles: seat.roles.map((role) => ({ unitId: row.id, role })),
          account: { username: seat.username, password },
        },
        { passwordHash },
      );
    }
    for (const child of unit.children ?? []) await addUnit(child, row);
  };
  for (const tree of SAMPLE_TREES) await addUnit(tree, null);
  const plans = options.samplePlans || clock ? await publishSamplePlans(c, units, { checkpoints: !clock }) : 0;
  const rosterSchool = demoUnits.find((u) => u.code === ROSTER_SCHOOL);
  if (options.sampleRosters && rosterSchool) await seedSampleRosters(c, rosterSchool.row.id);
  if (!clock) return { loaded: true, units: units.length, people, plans, history: null };
  const history = await writeHistory(c, clock, demoUnits, end!);
  await createSampleCheckpoints(c, units);
  return { loaded: true, units: units.length, people, plans, history };
}

function countSeats(trees: SampleUnit[]): number {
  return trees.reduce((n, unit) => n + seatsFor(unit).length + countSeats(unit.children ?? []), 0);
}
