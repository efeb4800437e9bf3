import type { Me, SetupBody } from '../../common/schemas/auth.js';
import type { CreatePersonBody, Person, UpdatePersonBody } from '../../common/schemas/people.js';
import type { Page } from '../../common/schemas/shared.js';
import type { CreateUnitBody, Unit, UpdateUnitBody } from '../../common/schemas/units.js';
import type { Role } from '../../common/org.js';
import { http } from './client.js';

/** Bodies as the web sends them: zod defaults are applied by the server. */
export type NewPerson = Omit<CreatePersonBody, 'roles'> & { roles?: CreatePersonBody['roles'] };

export const setupApi = {
  status: () => http.get<{ needed: boolean }>('/setup'),
  run: (body: SetupBody) => http.post<Me>('/setup', body),
};

export const authApi = {
  me: () => http.get<Me>('/auth/me'),
  login: (username: string, password: string) => http.post<Me>('/auth/login', { username, password }),
  logout: () => http.post<void>('/auth/logout'),
  changePassword: (currentPassword: string, newPassword: string) =>
    http.post<void>('/auth/password', { currentPassword, newPassword }),
};

export interface UnitQuery {
  roots?: boolean;
  parentId?: string;
  q?: string;
  page?: number;
  pageSize?: number;
}

export const unitsApi = {
  list: (query: UnitQuery) => http.get<Page<Unit>>('/units', { ...query, roots: query.roots ? 'true' : undefined }),
  get: (id: string) => http.get<Unit>(`/units/${id}`),
  create: (body: CreateUnitBody) => http.post<Unit>('/units', body),
  update: (id: string, body: UpdateUnitBody) => http.patch<Unit>(`/units/${id}`, body),
  move: (id: string, parentId: string) => http.post<Unit>(`/units/${id}/move`, { parentId }),
};

export interface PeopleQuery {
  unitId?: string;
  subtree?: boolean;
  q?: string;
  page?: number;
  pageSize?: number;
}

export const peopleApi = {
  list: (query: PeopleQuery) =>
    http.get<Page<Person>>('/people', {
      ...query,
      subtree: query.unitId ? String(query.subtree ?? true) : undefined,
    }),
  get: (id: string) => http.get<Person>(`/people/${id}`),
  create: (body: NewPerson) => http.post<Person>('/people', body),
  update: (id: string, body: UpdatePersonBody) => http.patch<Person>(`/people/${id}`, body),
  addRole: (id: string, unitId: string, role: Role) => http.post<Person>(`/people/${id}/roles`, { unitId, role }),
  removeRole: (id: string, roleId: string) => http.delete<Person>(`/people/${id}/roles/${roleId}`),
  createAccount: (id: string, username: string, password: string) =>
    http.post<Person>(`/people/${id}/account`, { username, password }),
  resetPassword: (id: string, password: string, mustChange: boolean) =>
    http.post<void>(`/people/${id}/password`, { password, mustChange }),
};
