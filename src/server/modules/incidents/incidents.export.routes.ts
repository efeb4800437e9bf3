import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { IncidentParams } from '../../../common/schemas/incidents.js';
import { DocumentQuery, documentLocale } from '../../../common/schemas/shared.js';
import { afterActionDocument } from '../../exports/after-action-document.js';
import { CAP_NAMESPACE, incidentToCap } from '../../exports/cap.js';
import { renderOfficialDocx } from '../../exports/docx/official-document.js';
import { INCIDENT_LABELS } from '../../exports/plan-labels.js';
import { actorOf } from '../../http/actor.js';
import { AppError } from '../../lib/errors.js';
import { presentIncident } from './incidents.presenter.js';
import type { IncidentService } from './incidents.service.js';

const tags = ['incidents'];
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** An incident as a CAP 1.2 alert, and its after-action report as the Word document filed upward. */
export function incidentExportRoutes(app: FastifyInstance, incidents: IncidentService): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const load = async (req: Parameters<typeof actorOf>[0], id: string) => {
    const actor = actorOf(req);
    const bundle = await incidents.bundle(actor, id);
    return {
      incident: presentIncident(actor, bundle),
      timeZone: bundle.incident.unit_time_zone,
      unitLocale: bundle.incident.unit_locale,
      names: bundle.names,
    };
  };

  r.get(
    '/api/v1/incidents/:id/cap.xml',
    {
      schema: {
        tags,
        summary: `The incident as a CAP 1.2 alert (${CAP_NAMESPACE})`,
        params: IncidentParams,
        querystring: DocumentQuery,
        produces: ['application/cap+xml'],
      },
    },
    async (req, reply) => {
      const { incident, timeZone, unitLocale } = await load(req, req.params.id);
      const classCode = await incidents.reportedClass(incident.id);
      const link = `${req.protocol}://${req.host}/incidents/${incident.id}`;
      const xml = incidentToCap(incident, {
        locale: documentLocale(req.query.lang, unitLocale),
        timeZone,
        classCode,
        link,
      });
      return reply
        .type('application/cap+xml; charset=utf-8')
        .header('content-disposition', `attachment; filename="incident-${incident.id}.cap.xml"`)
        .send(xml);
    },
  );

  r.get(
    '/api/v1/incidents/:id/after-action.docx',
    {
      schema: {
        tags,
        summary: 'The after-action report as a .docx (GB/T 9704 layout)',
        params: IncidentParams,
        querystring: DocumentQuery,
        produces: [DOCX],
      },
    },
    async (req, reply) => {
      const { incident, timeZone, unitLocale, names } = await load(req, req.params.id);
      if (!incident.afterAction) throw new AppError(409, 'conflict', 'incident.noAfterAction');
      const locale = documentLocale(req.query.lang, unitLocale);
      const typeName = INCIDENT_LABELS[locale][incident.type];
      const buffer = await renderOfficialDocx(afterActionDocument(incident, { locale, timeZone, typeName, names }));
      return reply
        .type(DOCX)
        .header('content-disposition', `attachment; filename="after-action-${incident.id}.docx"`)
        .send(buffer);
    },
  );
}
