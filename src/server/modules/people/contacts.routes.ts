import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ContactMethod, ContactMethodsBody, type ContactMethodInput } from '../../../common/schemas/contacts.js';
import { invalidFields, type FieldProblem } from '../../lib/errors.js';
import { PersonParams } from '../../../common/schemas/people.js';
import type { Db } from '../../db/database.js';
import { actorOf } from '../../http/actor.js';
import { problemResponses } from '../../http/openapi.js';
import type { Clock } from '../../lib/clock.js';
import { newId } from '../../lib/ids.js';
import type { AuditTrail } from '../audit/audit.service.js';
import type { PeopleService } from './people.service.js';
import type { UnitService } from '../units/units.service.js';

const tags = ['people'];

/**
 * What may be shown of a method: a mobile, a user id, a device name; a robot's host only (its URL is the credential).
 */
function shown(position: number, input: ContactMethodInput): z.infer<typeof ContactMethod> {
  switch (input.channel) {
    case 'email':
      return { position, channel: 'email', target: input.to, signed: false };
    case 'sms':
    case 'voice':
      return { position, channel: input.channel, target: input.mobile, signed: false };
    case 'wecom_app':
    case 'dingtalk_app':
    case 'feishu_app':
      return { position, channel: input.channel, target: input.userId, signed: false };
    case 'web_push':
      return {
        position,
        channel: 'web_push',
        target: input.device ?? new URL(input.subscription.endpoint).host,
        signed: true,
      };
    default:
      return {
        position,
        channel: input.channel,
        target: new URL(input.url).host,
        signed: 'secret' in input && Boolean(input.secret),
      };
  }
}

/** The list as it will be stored: each `keep` replaced by the saved method it names, each named once. */
function resolveKept(
  methods: ContactMethodsBody['methods'],
  saved: Map<number, ContactMethodInput>,
): ContactMethodInput[] {
  const problems: FieldProblem[] = [];
  const used = new Set<number>();
  const resolved = methods.map((m, i) => {
    if (!('keep' in m)) return m;
    const kept = saved.get(m.keep);
    if (!kept || used.has(m.keep))
      problems.push({ field: `methods.${i}.keep`, key: 'contacts.keepUnknown', params: { position: m.keep } });
    used.add(m.keep);
    return kept!;
  });
  if (problems.length) throw invalidFields(problems);
  return resolved;
}

/** A person's contact methods in order. Their own, or a manager of their unit, may set them. */
export function contactRoutes(
  app: FastifyInstance,
  db: Db,
  clock: Clock,
  audit: AuditTrail,
  people: PeopleService,
  units: UnitService,
): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const list = async (personId: string) =>
    (
      await db.selectFrom('contact_methods').selectAll().where('person_id', '=', personId).orderBy('position').execute()
    ).map((m) => shown(m.position, JSON.parse(m.address_json) as ContactMethodInput));

  r.get(
    '/api/v1/people/:id/contacts',
    {
      schema: {
        tags,
        summary: 'How a person is reached, in order',
        params: PersonParams,
        response: { 200: z.array(ContactMethod), ...problemResponses },
      },
    },
    async (req) => {
      await people.get(actorOf(req), req.params.id);
      return list(req.params.id);
    },
  );

  r.put(
    '/api/v1/people/:id/contacts',
    {
      schema: {
        tags,
        summary: 'Replace a person’s contact methods',
        params: PersonParams,
        body: ContactMethodsBody,
        response: { 200: z.array(ContactMethod), ...problemResponses },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      const { person } = await people.get(actor, req.params.id);
      if (actor.personId !== person.id) await units.requireManageable(actor, person.home_unit_id);
      const now = clock.now().toISOString();
      await db.transaction().execute(async (tx) => {
        const saved = new Map(
          (await tx.selectFrom('contact_methods').selectAll().where('person_id', '=', person.id).execute()).map((m) => [
            m.position,
            JSON.parse(m.address_json) as ContactMethodInput,
          ]),
        );
        const methods = resolveKept(req.body.methods, saved);
        await tx.deleteFrom('contact_methods').where('person_id', '=', person.id).execute();
        if (methods.length) {
          await tx
            .insertInto('contact_methods')
            .values(
              methods.map((m, i) => ({
                id: newId(),
                person_id: person.id,
                position: i + 1,
                channel: m.channel,
                address_json: JSON.stringify(m),
                created_at: now,
              })),
            )
            .execute();
        }
        await audit.record(tx, actor, {
          action: 'person.contacts',
          entity: 'person',
          entityId: person.id,
          unitId: person.home_unit_id,
          after: methods.map((m, i) => shown(i + 1, m)),
        });
      });
      return list(person.id);
    },
  );
}
