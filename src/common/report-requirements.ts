import { classFor } from './incident-classes.js';
import type { IncidentType } from './org.js';
import type { ReportContent, ReportStage } from './schemas/incident-reports.js';

/*
 * What each written stage must hold before the head signs it off. Facts first, causes carefully
 * (快报事实、慎报原因): the first report needs the facts and the measures, never a cause; the final
 * report needs a cause, which may still read "under investigation" with who investigates.
 */

export type ReportField = Exclude<keyof ReportContent, 'casualties'>;

const BY_STAGE: Record<ReportStage, ReportField[]> = {
  first: [
    'occurredAt',
    'place',
    'classCode',
    'severity',
    'source',
    'whatHappened',
    'measures',
    'reporterName',
    'reporterPhone',
  ],
  follow_up: ['whatHappened', 'measures', 'trend', 'nextSteps', 'reporterName', 'reporterPhone'],
  final: [
    'occurredAt',
    'place',
    'classCode',
    'severity',
    'source',
    'whatHappened',
    'causes',
    'measures',
    'nextSteps',
    'reporterName',
    'reporterPhone',
  ],
  supplement: ['whatHappened', 'reporterName', 'reporterPhone'],
};

/** Facts some kinds of incident add to the first and the final report. */
const BY_TYPE: Partial<Record<IncidentType, ReportField[]>> = {
  food_safety: ['affected', 'authoritiesInformed'],
  infectious_disease: ['affected', 'authoritiesInformed'],
  fire: ['authoritiesInformed', 'leaderOnSite'],
  traffic: ['authoritiesInformed'],
  campus_violence: ['authoritiesInformed', 'leaderOnSite'],
  missing_child: ['authoritiesInformed', 'leaderOnSite'],
  natural_disaster: ['leaderOnSite'],
};

/** Severity Ⅲ (较大) and above: a leader must be on site, and the report says who. */
const LEADER_FROM_SEVERITY = 3;

/** The fields a stage requires for an incident of this type and severity (the report's own, where it names them). */
export function requiredFields(
  stage: ReportStage,
  incidentType: IncidentType,
  severity: number,
  content?: ReportContent,
): ReportField[] {
  const type = classFor(content?.classCode, incidentType).type;
  const level = content?.severity ?? severity;
  const fields = new Set(BY_STAGE[stage]);
  if (stage === 'first' || stage === 'final') {
    for (const field of BY_TYPE[type] ?? []) fields.add(field);
    if (level <= LEADER_FROM_SEVERITY) fields.add('leaderOnSite');
  }
  return [...fields];
}

const blank = (content: ReportContent, field: ReportField): boolean => {
  if (field === 'causes') return content.causes.text.trim() === '';
  const value = content[field];
  return value === null || (typeof value === 'string' && value.trim() === '');
};

/**
 * The fields still missing, as paths (`content.measures`); a cause stated as preliminary or
 * determined needs its text at any stage.
 */
export function missingFields(
  content: ReportContent,
  stage: ReportStage,
  incidentType: IncidentType,
  severity: number,
): string[] {
  const missing = requiredFields(stage, incidentType, severity, content).filter((field) => blank(content, field));
  if (!missing.includes('causes') && content.causes.status !== 'under_investigation' && blank(content, 'causes'))
    missing.push('causes');
  return missing.map((field) => `content.${field}`);
}
