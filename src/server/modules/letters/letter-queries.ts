import type { Letter } from '../../../common/schemas/letters.js';
import type { Db } from '../../db/database.js';
import type { Actor } from '../auth/actor.js';
import { personNames } from '../people/people.read-port.js';
import { personIdsOf, presentLetter } from './letters.presenter.js';
import type { LetterService } from './letters.service.js';

/** Reading letters: the list and one letter, with names, the sides the reader may sign, and versions. */
export class LetterQueries {
  constructor(
    private readonly db: Db,
    private readonly letters: LetterService,
  ) {}

  async get(actor: Actor, id: string): Promise<Letter> {
    const letter = await this.letters.visible(actor, id);
    const versions = await this.letters.versions(letter.series_id);
    return presentLetter(letter, {
      names: await personNames(this.db, personIdsOf(letter)),
      canSign: await this.letters.signable(actor, letter),
      versions,
    });
  }

  async list(actor: Actor, unitId: string | undefined, all: boolean): Promise<Omit<Letter, 'duties' | 'versions'>[]> {
    const rows = await this.letters.list(actor, unitId, all);
    const names = await personNames(this.db, [...new Set(rows.flatMap(personIdsOf))]);
    const out = [];
    for (const row of rows) {
      const {
        duties: _d,
        versions: _v,
        ...rest
      } = presentLetter(row, { names, canSign: await this.letters.signable(actor, row), versions: [] });
      out.push(rest);
    }
    return out;
  }
}
