import type { z } from 'zod';
import { EVACUATION_TARGET_SECONDS, type Drill, type DrillCompliance } from '../../../common/schemas/drills.js';
import type { DrillWithUnit } from './drills.repository.js';
import type { UnitCompliance } from './drills.service.js';

type DrillView = z.infer<typeof Drill>;

export const evacuationOnTarget = (seconds: number | null) =>
  seconds === null ? null : seconds <= EVACUATION_TARGET_SECONDS;

/** Every answer names the drill's unit (the service returns it with each row). */
export const presentDrill = (d: DrillWithUnit): DrillView => ({
  id: d.id,
  unitId: d.unit_id,
  unitName: d.unit_name,
  type: d.type as DrillView['type'],
  title: d.title,
  plannedDate: d.planned_date,
  status: d.status as DrillView['status'],
  startedAt: d.started_at,
  endedAt: d.ended_at,
  participants: d.participants,
  evacuationSeconds: d.evacuation_seconds,
  evacuationOnTarget: evacuationOnTarget(d.evacuation_seconds),
  evaluation: d.evaluation,
  problems: JSON.parse(d.problems_json) as string[],
});

export const presentDrillPage = (
  { rows, total }: { rows: DrillWithUnit[]; total: number },
  page: { page: number; pageSize: number },
) => ({ items: rows.map(presentDrill), page: page.page, pageSize: page.pageSize, total });

export const presentCompliance = (units: UnitCompliance[]): z.infer<typeof DrillCompliance> => ({ units });
