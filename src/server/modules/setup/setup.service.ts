import type { Locale } from '../../../common/locale.js';
import type { SetupBody } from '../../../common/schemas/auth.js';
import type { Db } from '../../db/database.js';
import { AppError } from '../../lib/errors.js';
import type { SystemActor } from '../auth/actor.js';
import * as accountsPort from '../auth/accounts.port.js';
import type { AuthService, SignedIn } from '../auth/auth.service.js';
import { hashPassword } from '../auth/password.js';
import { requireStrongPassword } from '../auth/password-strength.js';
import type { PeopleService } from '../people/people.service.js';
import type { UnitService } from '../units/units.service.js';

const setupActor: SystemActor = { kind: 'system', label: 'setup' };

/** First run of an empty Steady: the top unit and its first administrator, then a session. */
export class SetupService {
  constructor(
    private readonly db: Db,
    private readonly units: UnitService,
    private readonly people: PeopleService,
    private readonly auth: AuthService,
  ) {}

  async needed(): Promise<boolean> {
    return (await accountsPort.countAccounts(this.db)) === 0;
  }

  async run(input: SetupBody, locale: Locale): Promise<SignedIn> {
    if (!(await this.needed())) throw new AppError(409, 'conflict', 'auth.setupDone');
    requireStrongPassword(input.admin.password, 'admin.password', [
      input.admin.username,
      input.admin.name,
      input.unit.name,
    ]);
    const passwordHash = await hashPassword(input.admin.password);
    const { person } = await this.db.transaction().execute(async (tx) => {
      const unit = await this.units.createRoot(tx, setupActor, input.unit);
      return this.people.create(
        setupActor,
        {
          homeUnitId: unit.id,
          name: input.admin.name,
          roles: [{ unitId: unit.id, role: 'admin' }],
          account: { username: input.admin.username, password: input.admin.password },
        },
        { passwordHash, tx },
      );
    });
    const account = await accountsPort.accountByPerson(this.db, person.id);
    return this.auth.startSession(account!, locale);
  }
}
