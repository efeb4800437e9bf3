import type { z } from 'zod';
import type {
  DailyItem,
  DailyReport as DailyReportSchema,
  DailyStatus,
  DayDetail as DayDetailSchema,
  Matrix as MatrixSchema,
  TodayStatus as TodayStatusSchema,
  TodayView as TodayViewSchema,
  Trend as TrendSchema,
} from '../../../common/schemas/daily-reports.js';
import { http } from '../../api/client.js';

export type { DailyItem, DailyStatus };
export type DailyReport = z.infer<typeof DailyReportSchema>;
export type TodayView = z.infer<typeof TodayViewSchema>;
export type Matrix = z.infer<typeof MatrixSchema>;
export type MatrixRow = Matrix['units'][number];
export type TodayStatus = z.infer<typeof TodayStatusSchema>;
export type Trend = z.infer<typeof TrendSchema>;
export type DayDetail = z.infer<typeof DayDetailSchema>;

export interface MatrixQuery {
  unitId?: string;
  /** The last day shown, `YYYY-MM-DD`; today when left out. */
  end?: string;
  days: number;
  page: number;
  pageSize: number;
}

export const dailyReportsApi = {
  today: (unitId: string) => http.get<TodayView>('/daily-reports/today', { unitId }),
  sendZero: (unitId: string) => http.post<DailyReport>('/daily-reports/zero', { unitId }),
  sendItems: (unitId: string, items: DailyItem[]) => http.post<DailyReport>('/daily-reports', { unitId, items }),
  matrix: (query: MatrixQuery) => http.get<Matrix>('/daily-reports/matrix', { ...query }),
  status: (unitId?: string) => http.get<TodayStatus>('/daily-reports/status', { unitId }),
  trend: (unitId: string | undefined, weeks: number) => http.get<Trend>('/daily-reports/trend', { unitId, weeks }),
  day: (unitId: string, day: string) => http.get<DayDetail>(`/daily-reports/units/${unitId}/days/${day}`),
  exportUrl: (query: Omit<MatrixQuery, 'page' | 'pageSize'>) => {
    const params = new URLSearchParams({ days: String(query.days) });
    if (query.unitId) params.set('unitId', query.unitId);
    if (query.end) params.set('end', query.end);
    return `/api/v1/daily-reports/export.xlsx?${params.toString()}`;
  },
};
