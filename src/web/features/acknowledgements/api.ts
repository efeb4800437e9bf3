import type { AckView } from '../../../common/schemas/acknowledgements.js';
import { http } from '../../api/client.js';

export type { AckView };

export const ackApi = {
  view: (token: string) => http.get<AckView>(`/public/ack/${encodeURIComponent(token)}`),
  acknowledge: (token: string) => http.post<AckView>(`/public/ack/${encodeURIComponent(token)}`),
};
