import type { z } from 'zod';
import type { Directive, InboxItem, SentItem } from '../../../common/schemas/directives.js';
import type { Page } from '../../../common/schemas/shared.js';
import type { Db } from '../../db/database.js';
import { notFound } from '../../lib/errors.js';
import type { Actor } from '../auth/actor.js';
import { canSee, rolesOver, scopeRoots } from '../units/units.policy.js';
import type { UnitService } from '../units/units.service.js';
import type { DirectiveFiles } from './directive-files.js';
import * as repo from './directives.repository.js';
import { presentDirective, presentInboxItem, presentSentItem } from './directives.presenter.js';
import { actsFor } from './directives.service.js';
import { ORG_MANAGER_ROLES } from '../../../common/org.js';

const manages = (actor: Actor, path: string) => {
  const roles = rolesOver(actor, path);
  return roles === 'all' || ORG_MANAGER_ROLES.some((r) => roles.has(r));
};

/**
 * Reading directives. The sending side (whoever sees the sending unit) sees every target; a
 * receiving unit, and the supervisors between, see only the targets inside their own subtree.
 */
export class DirectiveQueries {
  constructor(
    private readonly db: Db,
    private readonly units: UnitService,
    private readonly files: DirectiveFiles,
  ) {}

  async get(actor: Actor, id: string): Promise<z.infer<typeof Directive>> {
    const directive = await repo.find(this.db, id);
    if (!directive) throw notFound();
    const all = await repo.targets(this.db, id);
    const senderSide = canSee(actor, directive.sender_unit_path);
    const shown = senderSide ? all : all.filter((t) => canSee(actor, t.unit_path));
    if (shown.length === 0) throw notFound();
    const attachments = await repo.attachments(this.db, id);
    const actFor = shown.filter((t) => actsFor(actor, t.unit_id)).map((t) => t.unit_id);
    return presentDirective(
      directive,
      shown,
      all,
      attachments,
      senderSide && manages(actor, directive.sender_unit_path),
      actFor,
    );
  }

  /** Directives sent to one unit, or to every unit where the actor holds a role. */
  async inbox(
    actor: Actor,
    options: { unitId?: string; page: number; pageSize: number },
  ): Promise<Page<z.infer<typeof InboxItem>>> {
    let unitIds: string[];
    if (options.unitId) unitIds = [(await this.units.requireVisible(actor, options.unitId)).id];
    else unitIds = actor.kind === 'account' ? [...new Set(actor.scopes.map((s) => s.unitId))] : [];
    const { rows, total } = await repo.inbox(this.db, unitIds, (options.page - 1) * options.pageSize, options.pageSize);
    return { items: rows.map(presentInboxItem), page: options.page, pageSize: options.pageSize, total };
  }

  /** Directives sent from the actor's units (or from `unitId` and below), with sign-off counts. */
  async sent(
    actor: Actor,
    options: { unitId?: string; page: number; pageSize: number },
  ): Promise<Page<z.infer<typeof SentItem>>> {
    const within = options.unitId ? [(await this.units.requireVisible(actor, options.unitId)).path] : scopeRoots(actor);
    const { rows, total } = await repo.sent(this.db, within, (options.page - 1) * options.pageSize, options.pageSize);
    const counts = await repo.counts(
      this.db,
      rows.map((r) => r.id),
    );
    return {
      items: rows.map((r) => presentSentItem(r, counts.get(r.id))),
      page: options.page,
      pageSize: options.pageSize,
      total,
    };
  }

  /** An attachment's file, once the actor may see its directive. */
  async attachment(
    actor: Actor,
    id: string,
    attachmentId: string,
  ): Promise<{ path: string; name: string; mime: string; size: number }> {
    await this.get(actor, id);
    const found = (await repo.attachments(this.db, id)).find((a) => a.id === attachmentId);
    if (!found) throw notFound();
    return { path: this.files.absolute(found.path), name: found.name, mime: found.mime, size: found.size };
  }
}
