import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  CreateRotationBody,
  CreateShiftBody,
  DutyPeople,
  GapsQuery,
  Gaps,
  GenerateBody,
  Generated,
  Handover,
  HandoverBody,
  OnDutyNow,
  OverrideBody,
  ProposeSwapBody,
  NextStepView,
  Rotation,
  Roster,
  RosterQuery,
  Shift,
  Swap,
} from '../../../common/schemas/duty.js';
import { Id } from '../../../common/schemas/shared.js';
import { actorOf } from '../../http/actor.js';
import { problemResponses } from '../../http/openapi.js';
import { presentHandover, presentRotation, presentSwaps } from './duty.presenter.js';
import type { DutyService } from './duty.service.js';
import type { HandoverService } from './handovers.service.js';
import type { RotationService } from './rotations.service.js';
import type { SwapService } from './swaps.service.js';

const tags = ['duty'];
const Params = z.object({ id: Id });
const done = { 204: z.undefined(), ...problemResponses };

export interface DutyModule {
  duty: DutyService;
  rotations: RotationService;
  swaps: SwapService;
  handovers: HandoverService;
}

export function dutyRoutes(app: FastifyInstance, m: DutyModule): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const details = m.duty.details;

  r.get(
    '/api/v1/duty/roster',
    {
      schema: {
        tags,
        summary: 'A unit’s shifts starting on local dates from…to (both included), with heads away',
        querystring: RosterQuery,
        response: { 200: Roster, ...problemResponses },
      },
    },
    async (req) => {
      const { unit, shifts, actingHeads } = await m.duty.roster(
        actorOf(req),
        req.query.unitId,
        req.query.from,
        req.query.to,
      );
      return {
        unitId: unit.id,
        unitName: unit.name,
        timeZone: unit.time_zone,
        from: req.query.from,
        to: req.query.to,
        shifts,
        actingHeads,
      };
    },
  );

  r.get(
    '/api/v1/duty/people',
    {
      schema: {
        tags,
        summary: 'The people a unit’s roster may name',
        querystring: z.object({ unitId: Id }),
        response: { 200: DutyPeople, ...problemResponses },
      },
    },
    async (req) => m.duty.people(actorOf(req), req.query.unitId),
  );

  r.get(
    '/api/v1/duty/now',
    {
      schema: {
        tags,
        summary: 'Who is on duty now in every unit of your subtree (or below one unit), with phone numbers',
        querystring: z.object({ unitId: Id.optional() }),
        response: { 200: OnDutyNow, ...problemResponses },
      },
    },
    async (req) => m.duty.now(actorOf(req), req.query.unitId),
  );

  r.get(
    '/api/v1/duty/next-step',
    {
      schema: {
        tags,
        summary: 'What a unit’s duty warnings offer you: the step itself (you keep its roster) or whom to ask',
        querystring: z.object({ unitId: Id }),
        response: { 200: NextStepView, ...problemResponses },
      },
    },
    async (req) => m.duty.nextStep(actorOf(req), req.query.unitId),
  );

  r.get(
    '/api/v1/duty/gaps',
    {
      schema: {
        tags,
        summary: 'Where the roster falls short of the plan over the next days',
        querystring: GapsQuery,
        response: { 200: Gaps, ...problemResponses },
      },
    },
    async (req) => m.duty.gaps(actorOf(req), req.query.unitId, req.query.days),
  );

  r.post(
    '/api/v1/duty/shifts',
    {
      schema: {
        tags,
        summary: 'Add a shift by hand (safety officer)',
        body: CreateShiftBody,
        response: { 201: Shift, ...problemResponses },
      },
    },
    async (req, reply) => reply.code(201).send(await m.duty.createShift(actorOf(req), req.body)),
  );

  r.get(
    '/api/v1/duty/shifts/:id',
    { schema: { tags, summary: 'One shift', params: Params, response: { 200: Shift, ...problemResponses } } },
    async (req) => m.duty.shift(actorOf(req), req.params.id),
  );

  r.put(
    '/api/v1/duty/shifts/:id/people',
    {
      schema: {
        tags,
        summary: 'Override a shift’s people (safety officer; audited)',
        params: Params,
        body: OverrideBody,
        response: { 200: Shift, ...problemResponses },
      },
    },
    async (req) => m.duty.override(actorOf(req), req.params.id, req.body),
  );

  r.delete(
    '/api/v1/duty/shifts/:id',
    {
      schema: {
        tags,
        summary: 'Remove a shift without a handover record (safety officer)',
        params: Params,
        response: done,
      },
    },
    async (req, reply) => {
      await m.duty.deleteShift(actorOf(req), req.params.id);
      return reply.code(204).send();
    },
  );

  r.post(
    '/api/v1/duty/shifts/:id/handover',
    {
      schema: {
        tags,
        summary: 'Write the handover of a shift you are on',
        params: Params,
        body: HandoverBody,
        response: { 201: Handover, ...problemResponses },
      },
    },
    async (req, reply) => {
      const row = await m.handovers.write(actorOf(req), req.params.id, req.body);
      return reply.code(201).send(presentHandover(row, await details.people([row.written_by_person_id])));
    },
  );

  r.post(
    '/api/v1/duty/handovers/:id/acknowledge',
    {
      schema: {
        tags,
        summary: 'Acknowledge a handover (someone on the next shift only)',
        params: Params,
        response: { 200: Handover, ...problemResponses },
      },
    },
    async (req) => {
      const row = await m.handovers.acknowledge(actorOf(req), req.params.id);
      return presentHandover(row, await details.people([row.written_by_person_id, row.acknowledged_by_person_id]));
    },
  );

  r.get(
    '/api/v1/duty/swaps',
    {
      schema: {
        tags,
        summary: 'Swaps of a unit: those waiting, and your recent ones',
        querystring: z.object({ unitId: Id }),
        response: { 200: z.array(Swap), ...problemResponses },
      },
    },
    async (req) => {
      const rows = await m.swaps.list(actorOf(req), req.query.unitId);
      return presentSwaps(rows, await details.forSwaps(rows));
    },
  );

  r.post(
    '/api/v1/duty/swaps',
    {
      schema: {
        tags,
        summary: 'Ask someone to take your shift (in exchange for theirs, or to cover)',
        body: ProposeSwapBody,
        response: { 201: Swap, ...problemResponses },
      },
    },
    async (req, reply) => {
      const row = await m.swaps.propose(actorOf(req), req.body);
      return reply.code(201).send(presentSwaps([row], await details.forSwaps([row]))[0]!);
    },
  );

  for (const [action, summary] of [
    ['accept', 'Consent to a swap (only the person asked)'],
    ['decline', 'Decline a swap (only the person asked)'],
    ['cancel', 'Withdraw your swap request'],
  ] as const) {
    r.post(
      `/api/v1/duty/swaps/:id/${action}`,
      { schema: { tags, summary, params: Params, response: { 200: Swap, ...problemResponses } } },
      async (req) => {
        const actor = actorOf(req);
        const row =
          action === 'cancel'
            ? await m.swaps.cancel(actor, req.params.id)
            : await m.swaps.respond(actor, req.params.id, action === 'accept');
        return presentSwaps([row], await details.forSwaps([row]))[0]!;
      },
    );
  }

  r.get(
    '/api/v1/duty/rotations',
    {
      schema: {
        tags,
        summary: 'A unit’s rotations',
        querystring: z.object({ unitId: Id }),
        response: { 200: z.array(Rotation), ...problemResponses },
      },
    },
    async (req) => {
      const rows = await m.rotations.list(actorOf(req), req.query.unitId);
      const people = await details.forRotations(rows);
      return rows.map((row) => presentRotation(row, people));
    },
  );

  r.post(
    '/api/v1/duty/rotations',
    {
      schema: {
        tags,
        summary: 'Start a rotation; shifts are generated ahead at once and every day',
        body: CreateRotationBody,
        response: { 201: Rotation.extend({ generated: Generated }), ...problemResponses },
      },
    },
    async (req, reply) => {
      const { rotation, result } = await m.rotations.create(actorOf(req), req.body);
      const people = await details.forRotations([rotation]);
      return reply.code(201).send({ ...presentRotation(rotation, people), generated: result });
    },
  );

  r.post(
    '/api/v1/duty/rotations/:id/generate',
    {
      schema: {
        tags,
        summary: 'Generate ahead now',
        params: Params,
        body: GenerateBody,
        response: { 200: Generated, ...problemResponses },
      },
    },
    async (req) => m.rotations.generate(actorOf(req), req.params.id, req.body.days),
  );

  r.post(
    '/api/v1/duty/rotations/:id/stop',
    {
      schema: {
        tags,
        summary: 'Stop a rotation; its shifts not yet started are removed',
        params: Params,
        response: { 200: z.object({ removed: z.number().int() }), ...problemResponses },
      },
    },
    async (req) => ({
      removed: await m.rotations.stop(actorOf(req), req.params.id),
    }),
  );
}
