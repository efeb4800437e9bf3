import type { Locale } from '../../../common/locale.js';
import { render, type Wording } from '../../lib/wording.js';
import type { NotificationRow } from './notifications.table.js';

/**
 * A notification's title and body in the language of the screen reading it. Rows written before
 * notifications kept their wording (and any row whose wording cannot be read) show the text they
 * were written with.
 */
export function notificationText(
  locale: Locale,
  row: Pick<NotificationRow, 'title' | 'body' | 'wording_json'>,
): { title: string; body: string } {
  if (!row.wording_json) return { title: row.title, body: row.body };
  try {
    const wording = JSON.parse(row.wording_json) as { title: Wording; body: Wording };
    return { title: render(locale, wording.title), body: render(locale, wording.body) };
  } catch {
    return { title: row.title, body: row.body };
  }
}

/** What leaves the server of one notification, read in the reader's language. */
export function presentNotification(locale: Locale, n: NotificationRow) {
  return {
    id: n.id,
    incidentId: n.incident_id,
    kind: n.kind,
    ...notificationText(locale, n),
    link: n.link,
    drill: n.drill === 1,
    createdAt: n.created_at,
    readAt: n.read_at,
  };
}
