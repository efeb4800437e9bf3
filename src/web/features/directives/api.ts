import type { z } from 'zod';
import type {
  Directive as DirectiveSchema,
  InboxItem as InboxItemSchema,
  SendDirectiveBody,
  SentItem as SentItemSchema,
} from '../../../common/schemas/directives.js';
import type { Page } from '../../../common/schemas/shared.js';
import { http } from '../../api/client.js';

export type Directive = z.infer<typeof DirectiveSchema>;
export type DirectiveTarget = Directive['targets'][number];
export type InboxItem = z.infer<typeof InboxItemSchema>;
export type SentItem = z.infer<typeof SentItemSchema>;
export type NewDirective = Omit<SendDirectiveBody, 'kind'> & { kind?: SendDirectiveBody['kind'] };

const base = (id: string) => `/directives/${id}`;

export const directivesApi = {
  inbox: (query: { unitId?: string; page?: number; pageSize?: number }) =>
    http.get<Page<InboxItem>>('/directives/inbox', { ...query }),
  sent: (query: { unitId?: string; page?: number; pageSize?: number }) =>
    http.get<Page<SentItem>>('/directives/sent', { ...query }),
  get: (id: string) => http.get<Directive>(base(id)),
  send: (body: NewDirective) => http.post<Directive>('/directives', body),
  sign: (id: string, unitId: string) => http.post<Directive>(`${base(id)}/sign`, { unitId }),
  reply: (id: string, unitId: string, text: string) => http.post<Directive>(`${base(id)}/reply`, { unitId, text }),
  remind: (id: string, unitIds?: string[]) =>
    http.post<{ reminded: number }>(`${base(id)}/remind`, unitIds ? { unitIds } : {}),
  attachmentUrl: (id: string, attachmentId: string) => `/api/v1${base(id)}/attachments/${attachmentId}`,
};

/** Sends with attachments as multipart/form-data: the JSON in `directive`, files in `attachments`. */
export async function sendWithAttachments(body: NewDirective, files: File[]): Promise<Directive> {
  const form = new FormData();
  form.append('directive', JSON.stringify(body));
  for (const file of files) form.append('attachments', file, file.name);
  return http.upload<Directive>('/directives/with-attachments', form);
}
