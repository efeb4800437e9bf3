import type { AfterCommit, Executor } from '../../db/database.js';
import { newId } from '../../lib/ids.js';
import type { Actor } from '../auth/actor.js';
import { factsOf, type IncidentFacts } from './incident-hooks.js';
import type { IncidentService } from './incidents.service.js';
import * as repo from './incidents.repository.js';

/** Who acted, as the timeline names them; null for the engine. */
export interface Someone {
  personId: string | null;
  label: string;
}

export interface StageFlag {
  incidentId: string;
  kind: 'late' | 'missing';
  /** The deadline the flag is about: a stage's duty id (flags on chain steps carry the step id here). */
  refId: string;
  unitId: string;
  personIds: string[];
  at: Date;
  /** `stage` and `seq` name the stage (first, follow_up 2…), so the record reads without the other module. */
  detail: Record<string, unknown>;
}

/**
 * What the staged-reports module may do to an incident, through this module: read its facts (access
 * checked), add to its timeline, put a late or missing report on its record (a flag like any other:
 * answered, never removed), and complete the chain's report step when the verbal report is recorded.
 */
export class IncidentReportingPort {
  constructor(private readonly incidents: IncidentService) {}

  async visible(actor: Actor, incidentId: string, tx: Executor): Promise<IncidentFacts> {
    return factsOf(await this.incidents.get(actor, incidentId, tx));
  }

  async find(tx: Executor, incidentId: string): Promise<IncidentFacts | undefined> {
    const row = await repo.findIncident(tx, incidentId);
    return row && factsOf(row);
  }

  async record(
    tx: Executor,
    incidentId: string,
    who: Someone | null,
    at: Date,
    kind: string,
    data: Record<string, unknown>,
    text: string | null = null,
  ): Promise<void> {
    await repo.addEvent(tx, {
      id: newId(),
      incident_id: incidentId,
      at: at.toISOString(),
      person_id: who?.personId ?? null,
      actor_label: who?.label ?? 'system:engine',
      kind,
      text,
      data_json: JSON.stringify(data),
    });
  }

  /** Raised once per deadline and kind; raising it again changes nothing. */
  async flag(tx: Executor, flag: StageFlag): Promise<void> {
    await repo.raiseFlag(tx, {
      id: newId(),
      incident_id: flag.incidentId,
      step_id: flag.refId,
      kind: flag.kind,
      unit_id: flag.unitId,
      person_ids_json: JSON.stringify(flag.personIds),
      set_at: flag.at.toISOString(),
      detail_json: JSON.stringify(flag.detail),
    });
  }

  completeReportStep(
    tx: Executor,
    afterCommit: AfterCommit,
    actor: Actor,
    incidentId: string,
    text: string,
  ): Promise<string | null> {
    return this.incidents.completeReportStepIn(tx, afterCommit, actor, incidentId, text);
  }
}
