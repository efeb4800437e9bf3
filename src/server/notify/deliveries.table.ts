import type { Selectable } from 'kysely';

export interface DeliveryTable {
  id: string;
  notification_id: string;
  /** The person told; `to:<E.164>` for an SMS to a bare mobile (a guardian who is not a Steady user). */
  person_id: string;
  method_position: number;
  channel: string;
  address_json: string;
  locale: string;
  /** pending → sending → sent; or failed (handed to the next method) or dead (no method left). */
  state: string;
  attempts: number;
  next_attempt_at: string;
  /** While sending: after this, a crashed sender's claim lapses and the delivery is tried again. */
  lease_until: string | null;
  last_error: string | null;
  sent_at: string | null;
  created_at: string;
  /** urgent or routine, copied from the notification: alerts are never held behind routine messages. */
  priority: string;
  respond_by: string | null;
  /** When the next method starts in parallel unless this one has confirmed delivery. */
  failover_at: string | null;
  /** 1 once the next method has been started for this delivery (or there is none). */
  handed_over: number;
  /** The vendor's id for the message (BizId, SerialNo, CallId…), matched by delivery receipts. */
  provider_id: string | null;
  /** The vendor confirmed it reached the phone (a receipt, or an API that answers only on delivery). */
  delivered_at: string | null;
  /** The vendor's own error code of the last failure (isv.BUSINESS_LIMIT_CONTROL, 45009…), and when. */
  error_code: string | null;
  error_at: string | null;
  /** The vendor account that carried it (aliyun_sms, tencent_voice, wecom_app…); null for robots and e-mail. */
  vendor: string | null;
  /** A routine message sent inside another one's digest: the id of that delivery. */
  merged_into: string | null;
}

export interface DeliveryTables {
  deliveries: DeliveryTable;
}

export type DeliveryRow = Selectable<DeliveryTable>;
