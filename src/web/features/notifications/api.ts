import type { z } from 'zod';
import type {
  ContactMethod as ContactMethodSchema,
  ContactMethodInput,
  KeptContactMethod,
} from '../../../common/schemas/contacts.js';
import type { Page } from '../../../common/schemas/shared.js';
import { http, request } from '../../api/client.js';

export interface Notification {
  id: string;
  incidentId: string | null;
  kind: string;
  title: string;
  body: string;
  link: string | null;
  drill: boolean;
  createdAt: string;
  readAt: string | null;
}

export const notificationsApi = {
  list: (page = 1, pageSize = 20) =>
    http.get<Page<Notification> & { unread: number }>('/notifications', { page, pageSize }),
  markRead: (ids?: string[]) => http.post<void>('/notifications/read', ids ? { ids } : {}),
};

export type ContactMethod = z.infer<typeof ContactMethodSchema>;
export type { ContactMethodInput, KeptContactMethod };

export const contactsApi = {
  list: (personId: string) => http.get<ContactMethod[]>(`/people/${personId}/contacts`),
  replace: (personId: string, methods: (ContactMethodInput | KeptContactMethod)[]) =>
    request<ContactMethod[]>('PUT', `/people/${personId}/contacts`, { body: { methods } }),
};
