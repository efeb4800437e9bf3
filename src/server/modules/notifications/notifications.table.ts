import type { Selectable } from 'kysely';

/** One message in a person's in-app inbox; the notifier writes one per person told. */
export interface NotificationTable {
  id: string;
  person_id: string;
  incident_id: string | null;
  kind: string;
  title: string;
  body: string;
  link: string | null;
  drill: number;
  created_at: string;
  read_at: string | null;
  /** urgent (alerts, acknowledgement requests, escalations) or routine (reminders, notices). */
  priority: string;
  /** When the person must have answered (the step's deadline), for failing over in time. */
  respond_by: string | null;
  /** Short template parameters (unit, event, severity, due) for vendors that send approved templates. */
  params_json: string | null;
  /** When what the message asked was done (the step acknowledged): no further method is started. */
  answered_at: string | null;
  /** { title, body } as wordings (lib/wording.ts), read in the reader's language; null on older rows. */
  wording_json: string | null;
}

/** How a person is reached, in order: the addresses the delivery worker sends to and fails over between. */
export interface ContactMethodTable {
  id: string;
  person_id: string;
  /** 1 first; a failing method hands over to the next. */
  position: number;
  channel: string;
  address_json: string;
  created_at: string;
}

export interface NotificationTables {
  notifications: NotificationTable;
  contact_methods: ContactMethodTable;
}

export type NotificationRow = Selectable<NotificationTable>;
export type ContactMethodRow = Selectable<ContactMethodTable>;
