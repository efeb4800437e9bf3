import type { GroupList, Mark, MarkHistory, MarkStatus, Subject } from './api.js';

/*
 * Marks made on this phone that the server's list does not show yet: those waiting in the outbox
 * (queued offline, kept in IndexedDB) and those just sent whose list is being read again. A tap is
 * the same mark when its subject, status and time agree, which the server keeps as sent (`markedAt`
 * is the tap's time, made on the device), so once the list holds it the phone stops adding it.
 */

export interface LocalMark extends Mark {
  /** When it was handed to the server (shown until the list holds it); null while it waits. */
  sentAt: number | null;
}

/** A mark in the history as shown: the server's, or one of this phone's not received yet (`receivedAt` null). */
export type ShownMark = Omit<MarkHistory, 'receivedAt'> & { receivedAt: string | null };

/** The server may keep the arrival time instead of a tap's (a phone's clock far off): a sent tap is let go then. */
const SENT_KEPT_MS = 10_000;

export interface ShownSubject extends Omit<Subject, 'history'> {
  history: ShownMark[];
  /** A mark made here waits in the outbox. */
  waiting: boolean;
  /** Marks by more than one person: the latest shows, the history is a tap away. */
  conflict: boolean;
}

const sameTime = (a: string, b: string) => Date.parse(a) === Date.parse(b);

/** Whether the server's list already holds this tap. */
export function isStored(mark: Mark, subjects: Subject[]): boolean {
  const subject = subjects.find((s) => s.subjectId === mark.subjectId);
  return !!subject?.history.some((h) => h.status === mark.status && sameTime(h.markedAt, mark.markedAt));
}

/** The local marks a fresh list from the server does not hold yet. */
export function stillLocal(marks: LocalMark[], list: Pick<GroupList, 'subjects'>, now = Date.now()): LocalMark[] {
  return marks.filter((m) => !isStored(m, list.subjects) && (m.sentAt === null || now - m.sentAt < SENT_KEPT_MS));
}

/** The marks inside the waiting requests of the outbox (each request's body is `{ marks }`). */
export function queuedMarks(requests: readonly { body?: unknown }[]): LocalMark[] {
  return requests.flatMap((r) =>
    ((r.body as { marks?: Mark[] } | undefined)?.marks ?? []).map((m) => ({ ...m, sentAt: null })),
  );
}

/**
 * The list as the teacher should see it: the server's (or the cached) subjects with this device's
 * marks on top. For each subject the latest mark by tap time wins, wherever it was made.
 */
export function applyLocalMarks(subjects: Subject[], marks: LocalMark[], me: string | null): ShownSubject[] {
  return subjects.map((subject) => {
    const mine = marks.filter((m) => m.subjectId === subject.subjectId && !isStored(m, [subject]));
    const history: ShownMark[] = [
      ...subject.history,
      ...mine.map((m) => ({ status: m.status, markedAt: m.markedAt, receivedAt: null, markedByName: me })),
    ].sort((a, b) => Date.parse(a.markedAt) - Date.parse(b.markedAt));
    const latest = history.at(-1);
    const markers = new Set(history.map((h) => h.markedByName ?? ''));
    return {
      ...subject,
      status: latest?.status ?? null,
      markedAt: latest?.markedAt ?? null,
      markedByName: latest?.markedByName ?? null,
      history,
      waiting: mine.some((m) => m.sentAt === null),
      conflict: markers.size > 1,
    };
  });
}

export interface ClassCounts {
  total: number;
  present: number;
  missing: number;
  injured: number;
  absent: number;
  notReported: number;
}

/** The class's counts from the list shown (so they follow the taps, network or not). */
export function countMarks(subjects: { status: MarkStatus | null }[]): ClassCounts {
  const counts: ClassCounts = { total: subjects.length, present: 0, missing: 0, injured: 0, absent: 0, notReported: 0 };
  for (const s of subjects) {
    if (s.status) counts[s.status] += 1;
    else counts.notReported += 1;
  }
  return counts;
}
