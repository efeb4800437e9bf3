import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { DocxQuery, IncidentReportParams, ReportParams } from '../../../common/schemas/incident-reports.js';
import { renderOfficialDocx } from '../../exports/docx/official-document.js';
import { reportArchive } from '../../exports/incident-report-archive.js';
import { reportDocument } from '../../exports/incident-report-document.js';
import { INCIDENT_LABELS } from '../../exports/plan-labels.js';
import { actorOf } from '../../http/actor.js';
import { DocumentQuery, documentLocale } from '../../../common/schemas/shared.js';
import { invalid } from '../../lib/errors.js';
import type { IncidentReports } from './incident-reports.module.js';

const tags = ['incident reports'];
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** A stage as the .docx form sent up (信息报送单, GB/T 9704 layout), and the incident's whole reporting for the archive. */
export function incidentReportExportRoutes(app: FastifyInstance, m: IncidentReports): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/v1/incident-reports/:reportId/report.docx',
    {
      schema: {
        tags,
        summary: 'One version of a report as the official form (.docx); the current version without `version`',
        params: ReportParams,
        querystring: DocxQuery,
        produces: [DOCX],
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      const report = await m.queries.report(actor, req.params.reportId);
      const wanted = req.query.version ?? report.version;
      const version = report.versions.find((v) => v.version === wanted);
      if (!version) throw invalid('version', 'report.noVersion', { version: wanted });
      const { unitTimeZone, unitLocale } = await m.queries.incident(actor, report.incidentId);
      const buffer = await renderOfficialDocx(
        reportDocument(report, version, { locale: documentLocale(req.query.lang, unitLocale), timeZone: unitTimeZone }),
      );
      const name = `incident-report-${report.stage}-${report.seq}-v${version.version}.docx`;
      return reply.type(DOCX).header('content-disposition', `attachment; filename="${name}"`).send(buffer);
    },
  );

  r.get(
    '/api/v1/incidents/:id/reports.docx',
    {
      schema: {
        tags,
        summary: 'The incident’s whole reporting history as one document for the archive (.docx)',
        params: IncidentReportParams,
        querystring: DocumentQuery,
        produces: [DOCX],
      },
    },
    async (req, reply) => {
      const { incident, reporting, reports, now } = await m.queries.archive(actorOf(req), req.params.id);
      const locale = documentLocale(req.query.lang, incident.unitLocale);
      const doc = reportArchive({
        reporting,
        reports,
        incident,
        typeName: INCIDENT_LABELS[locale][incident.type],
        locale,
        timeZone: incident.unitTimeZone,
        now,
      });
      return reply
        .type(DOCX)
        .header('content-disposition', `attachment; filename="incident-reports-${incident.id}.docx"`)
        .send(await renderOfficialDocx(doc));
    },
  );
}
