import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { PlanVersionParams } from '../../../common/schemas/plans.js';
import { renderOfficialDocx } from '../../exports/docx/official-document.js';
import { planToOfficialDocument } from '../../exports/plan-document.js';
import { planToPrintHtml } from '../../exports/plan-print.js';
import { actorOf } from '../../http/actor.js';
import { presentVersion } from './plans.presenter.js';
import type { PlanService } from './plans.service.js';

const tags = ['plans'];
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
/** How many 【待填写】 blanks the exported version still has (its list is in the version's `blanks`). */
export const BLANKS_HEADER = 'x-steady-plan-blanks';

/** RFC 6266: an ASCII fallback name and the real (often Chinese) one. */
const attachment = (name: string, ext: string) =>
  `attachment; filename="plan.${ext}"; filename*=UTF-8''${encodeURIComponent(`${name}.${ext}`)}`;

/** A plan version as the Word document a unit files, and as an A4 page to print from the browser. */
export function planExportRoutes(app: FastifyInstance, plans: PlanService): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const view = async (actor: ReturnType<typeof actorOf>, id: string, version: number) => {
    const { bundle, row } = await plans.version(actor, id, version);
    return presentVersion(bundle.plan, row, await plans.peopleNamedIn([row]));
  };

  r.get(
    '/api/v1/plans/:id/versions/:version/document.docx',
    {
      schema: {
        tags,
        summary: 'The version as a .docx laid out after GB/T 9704',
        params: PlanVersionParams,
        produces: [DOCX],
      },
    },
    async (req, reply) => {
      const plan = await view(actorOf(req), req.params.id, req.params.version);
      const buffer = await renderOfficialDocx(planToOfficialDocument(plan));
      // The document itself stays clean; the count of 【待填写】 blanks left travels beside it, so a client
      // can warn (the web app lists them, section by section, before it downloads).
      return reply
        .type(DOCX)
        .header('content-disposition', attachment(`${plan.title}（第${plan.version}版）`, 'docx'))
        .header(BLANKS_HEADER, String(plan.blanks.length))
        .send(buffer);
    },
  );

  r.get(
    '/api/v1/plans/:id/versions/:version/print',
    {
      schema: {
        tags,
        summary: 'The version as an A4 print view (HTML)',
        params: PlanVersionParams,
        produces: ['text/html'],
      },
    },
    async (req, reply) => {
      const plan = await view(actorOf(req), req.params.id, req.params.version);
      return reply
        .type('text/html; charset=utf-8')
        .header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'")
        .header(BLANKS_HEADER, String(plan.blanks.length))
        .send(planToPrintHtml(plan));
    },
  );
}
