import type { z } from 'zod';
import type { Analytics } from '../../../common/schemas/analytics.js';
import type {
  CreateSheetBody,
  Ranking,
  RecordsBehind,
  Sheet,
  UnitSheet,
  UpdateItemsBody,
} from '../../../common/schemas/assessment.js';
import type { ComplianceView } from '../../../common/schemas/compliance.js';
import type { IssueLettersBody, Letter, LetterList } from '../../../common/schemas/letters.js';
import { http, request } from '../../api/client.js';

export type { Analytics, Ranking, Sheet, UnitSheet };
export type Records = z.infer<typeof RecordsBehind>;
export type Compliance = z.infer<typeof ComplianceView>;
export type LetterItem = z.infer<typeof LetterList>['items'][number];
export type { Letter };

const sheets = '/assessment/sheets';
const put = <T>(path: string, body: unknown) => request<T>('PUT', path, { body });

export const supervisionApi = {
  sheets: () => http.get<{ items: Sheet[] }>(sheets),
  sheet: (id: string) => http.get<Sheet>(`${sheets}/${id}`),
  createSheet: (body: CreateSheetBody) => http.post<Sheet>(sheets, body),
  updateItems: (id: string, body: UpdateItemsBody) => put<Sheet>(`${sheets}/${id}/items`, body),
  ranking: (id: string) => http.get<Ranking>(`${sheets}/${id}/ranking`),
  unitSheet: (id: string, unitId: string) => http.get<UnitSheet>(`${sheets}/${id}/units/${unitId}`),
  records: (id: string, unitId: string, itemId: string) =>
    http.get<Records>(`${sheets}/${id}/units/${unitId}/items/${itemId}/records`),
  score: (id: string, unitId: string, itemId: string, score: number, evidence: string) =>
    put<UnitSheet>(`${sheets}/${id}/units/${unitId}/items/${itemId}/score`, { score, evidence }),
  answer: (id: string, unitId: string, itemId: string, text: string) =>
    put<UnitSheet>(`${sheets}/${id}/units/${unitId}/items/${itemId}/answer`, { text }),
  rankingXlsx: (id: string) => `/api/v1${sheets}/${id}/ranking.xlsx`,
  unitDocx: (id: string, unitId: string) => `/api/v1${sheets}/${id}/units/${unitId}/sheet.docx`,
  letters: (unitId?: string) => http.get<z.infer<typeof LetterList>>('/letters', unitId ? { unitId } : undefined),
  letter: (id: string) => http.get<Letter>(`/letters/${id}`),
  issueLetters: (body: IssueLettersBody) => http.post<{ ids: string[] }>('/letters', body),
  signLetter: (id: string, side: 'issuer' | 'recipient') => http.post<Letter>(`/letters/${id}/sign`, { side }),
  letterDocx: (id: string) => `/api/v1/letters/${id}/letter.docx`,
  compliance: (unitId?: string) => http.get<Compliance>('/compliance', unitId ? { unitId } : undefined),
  /** The four views, each its own request, asked for at once. */
  analytics: async (query: { unitId?: string; from?: string; last?: string }): Promise<Analytics> => {
    const [response, heat, ageing, hazards] = await Promise.all([
      http.get<Pick<Analytics, 'unitId' | 'unitName' | 'from' | 'last' | 'response'>>('/analytics/response', query),
      http.get<Pick<Analytics, 'heat'>>('/analytics/heat', query),
      http.get<Pick<Analytics, 'ageing'>>('/analytics/ageing', query),
      http.get<Pick<Analytics, 'hazards'>>('/analytics/hazards', query),
    ]);
    return { ...response, heat: heat.heat, ageing: ageing.ageing, hazards: hazards.hazards };
  },
  analyticsXlsx: (query: Record<string, string>) =>
    `/api/v1/analytics/export.xlsx?${new URLSearchParams(query).toString()}`,
};
