import type { Container } from '../container.js';
import type { UnitRow } from '../db/schema.js';
import type { SystemActor } from '../modules/auth/actor.js';
import { hashPassword } from '../modules/auth/password.js';
import * as unitsRepo from '../modules/units/units.repository.js';
import { SAMPLE_TREES, sampleNames, samplePhone, seatsFor, type SampleUnit } from './sample-organisation.js';
import { publishSamplePlans } from './sample-plans.js';

const demoActor: SystemActor = { kind: 'system', label: 'demo' };

export interface DemoResult {
  loaded: boolean;
  units: number;
  people: number;
  /** Standing plans published (with `samplePlans`). */
  plans: number;
}

/**
 * Loads the sample organisation into an empty database; does nothing when units exist, so a
 * restart keeps what the user changed. Every account gets the same password (hashed once).
 */
export async function loadDemo(c: Container, password: string, options: { samplePlans?: boolean } = {}): Promise<DemoResult> {
  if ((await unitsRepo.countAll(c.db)) > 0) return { loaded: false, units: 0, people: 0, plans: 0 };
  const passwordHash = await hashPassword(password);
  const seatCount = countSeats(SAMPLE_TREES);
  const names = sampleNames(seatCount);
  let people = 0;
  const units: UnitRow[] = [];

  const addUnit = async (unit: SampleUnit, parent: UnitRow | null): Promise<void> => {
    const row = parent
      ? await c.units.create(demoActor, { parentId: parent.id, name: unit.name, type: unit.type })
      : await c.db.transaction().execute((tx) => c.units.createRoot(tx, demoActor, { name: unit.name, type: unit.type }));
    units.push(row);
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
  const plans = options.samplePlans ? await publishSamplePlans(c, units) : 0;
  return { loaded: true, units: units.length, people, plans };
}

function countSeats(trees: SampleUnit[]): number {
  return trees.reduce((n, unit) => n + seatsFor(unit).length + countSeats(unit.children ?? []), 0);
}
