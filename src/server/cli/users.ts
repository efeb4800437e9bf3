import { PASSWORD_MIN } from '../../common/limits.js';
import type { Role } from '../../common/org.js';
import { Password, Username } from '../../common/schemas/people.js';
import type { Container } from '../container.js';
import { newSecret } from '../lib/ids.js';
import { cliActor } from '../modules/auth/actor.js';
import * as authRepo from '../modules/auth/auth.repository.js';
import * as m from './messages.js';

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}

/** The password to set, and the one to print (only when Steady chose it). */
async function choosePassword(fromStdin: boolean): Promise<{ password: string; shown: string | null }> {
  if (!fromStdin) {
    const password = newSecret(9);
    return { password, shown: password };
  }
  const password = await readStdin();
  const parsed = Password.safeParse(password);
  if (!parsed.success) throw new Error(`password: at least ${PASSWORD_MIN} characters`);
  return { password, shown: null };
}

async function findUnit(c: Container, unit: string) {
  const byId = await c.db.selectFrom('units').selectAll().where('id', '=', unit).executeTakeFirst();
  const found = byId ?? (await c.db.selectFrom('units').selectAll().where('name', '=', unit).executeTakeFirst());
  if (!found) throw new Error(m.noSuchUnit(unit));
  return found;
}

export async function addUser(
  c: Container,
  input: { username: string; name: string; unit: string; roles: Role[]; passwordFromStdin: boolean },
): Promise<{ username: string; shownPassword: string | null }> {
  const username = Username.parse(input.username);
  const unit = await findUnit(c, input.unit);
  const { password, shown } = await choosePassword(input.passwordFromStdin);
  const created = await c.people.create(cliActor, {
    homeUnitId: unit.id,
    name: input.name,
    roles: input.roles.map((role) => ({ unitId: unit.id, role })),
    account: { username, password },
  });
  if (shown) await authRepo.updateAccount(c.db, created.account!.id, { must_change_password: 1 });
  return { username, shownPassword: shown };
}

export async function resetPassword(c: Container, username: string, fromStdin: boolean): Promise<string | null> {
  const account = await authRepo.accountByUsername(c.db, username.trim().toLowerCase());
  if (!account) throw new Error(m.noSuchUser(username));
  const { password, shown } = await choosePassword(fromStdin);
  await c.people.resetPassword(cliActor, account.person_id, password, shown !== null);
  return shown;
}
