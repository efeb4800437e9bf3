/* Shared helpers for the inspection tests. */
import type { Client, TestApp } from './app.js';

/** A real 1×1 PNG, so the content check sees genuine image bytes. */
export const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

function form(content: Buffer, filename = 'after.png', type = 'image/png') {
  const boundary = '----steadyinspection';
  const payload = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="photo"; ` +
        `filename="${filename}"\r\nContent-Type: ${type}\r\n\r\n`,
    ),
    content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

/** Uploads a photo for the unit and returns the whole answer. */
export function uploadPhoto(who: Client, unitId: string, content: Buffer = PNG, headers: Record<string, string> = {}) {
  const body = form(content);
  return who.inject({
    method: 'POST',
    url: `/api/v1/inspection-photos?unitId=${unitId}`,
    payload: body.payload,
    headers: { ...body.headers, ...headers },
  });
}

/** Uploads a photo and returns its id, failing loudly when refused. */
export async function photoId(who: Client, unitId: string): Promise<string> {
  const res = await uploadPhoto(who, unitId);
  if (res.statusCode !== 201) throw new Error(`photo upload: ${res.statusCode} ${res.body}`);
  return res.json().id as string;
}

export interface ChecklistView {
  id: string;
  items: { code: string; text: string; risk: string; fixDays: number }[];
}

/** Copies a template into the unit. */
export async function copyTemplate(who: Client, unitId: string, templateId = 'canteen'): Promise<ChecklistView> {
  const res = await who.post('/api/v1/checklists', { unitId, templateId });
  if (res.statusCode !== 201) throw new Error(`copy template: ${res.statusCode} ${res.body}`);
  return res.json();
}

/** Answers every item pass, except the failures given (code → extra answer fields). */
export function answers(checklist: ChecklistView, failures: Record<string, Record<string, unknown>> = {}) {
  return checklist.items.map((item) =>
    item.code in failures
      ? { itemCode: item.code, result: 'fail', ...failures[item.code] }
      : { itemCode: item.code, result: 'pass' },
  );
}

export const personIdOf = async (t: TestApp, username: string) =>
  (await t.c.db.selectFrom('accounts').select('person_id').where('username', '=', username).executeTakeFirstOrThrow())
    .person_id;

export const notificationsOf = (t: TestApp, personId: string, kind: string) =>
  t.c.db.selectFrom('notifications').selectAll().where('person_id', '=', personId).where('kind', '=', kind).execute();
