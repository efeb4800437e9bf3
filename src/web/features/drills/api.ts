import type { z } from 'zod';
import type { DrillType } from '../../../common/org.js';
import type {
  Drill as DrillSchema,
  DrillCompliance as ComplianceSchema,
  RecordDrillBody,
} from '../../../common/schemas/drills.js';
import type { Page } from '../../../common/schemas/shared.js';
import { http } from '../../api/client.js';

export type Drill = z.infer<typeof DrillSchema>;
export type DrillCompliance = z.infer<typeof ComplianceSchema>;
export type UnitCompliance = DrillCompliance['units'][number];
export type ComplianceState = UnitCompliance['state'];
export type DrillRecord = Omit<z.input<typeof RecordDrillBody>, 'problems'> & { problems: string[] };

export interface NewDrill {
  unitId: string;
  type: DrillType;
  /** Local date, `YYYY-MM-DD`. */
  plannedDate: string;
  title: string;
}

export interface DrillPhoto {
  id: string;
  mime: string;
  size: number;
  createdAt: string;
}

export const RISKS = ['low', 'medium', 'high', 'major'] as const;
export type Risk = (typeof RISKS)[number];

/** A rectification task made from a problem a drill found (the inspections module keeps them). */
export interface NewRectificationTask {
  unitId: string;
  title: string;
  ownerPersonId: string;
  dueAt: string;
  risk: Risk;
  source: { kind: 'drill'; drillId: string; problem: string };
}

const base = (id: string) => `/drills/${id}`;

export const drillsApi = {
  list: (query: { unitId?: string; page?: number; pageSize?: number }) =>
    http.get<Page<Drill>>('/drills', { ...query }),
  schedule: (body: NewDrill) => http.post<Drill>('/drills', body),
  record: (id: string, body: DrillRecord) => http.post<Drill>(`${base(id)}/record`, body),
  compliance: (unitId?: string) => http.get<DrillCompliance>('/drills/compliance', { unitId }),
  photos: (id: string) => http.get<DrillPhoto[]>(`${base(id)}/photos`),
  photoUrl: (id: string, photoId: string) => `/api/v1${base(id)}/photos/${photoId}`,
  createTask: (body: NewRectificationTask) => http.post<unknown>('/rectification-tasks', body),
  /** The rectification tasks already made from this drill's problems. */
  tasks: (drill: Drill) =>
    http.get<Page<{ taskId: string; sourceDetail: string | null; state: string }>>('/rectification-ledger', {
      unitId: drill.unitId,
      subtree: 'false',
      sourceId: drill.id,
      pageSize: 100,
    }),
};

/** Sends one photo as multipart/form-data (field `photo`); a refusal keeps the server's words. */
export async function uploadDrillPhoto(drillId: string, file: File): Promise<DrillPhoto> {
  const form = new FormData();
  form.append('photo', file, file.name);
  return http.upload<DrillPhoto>(`${base(drillId)}/photos`, form);
}
