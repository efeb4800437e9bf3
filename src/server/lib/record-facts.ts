/**
 * One record as a figure counts it: which unit, when, whether it met its rule, and how to open it.
 * Modules hand these out through their read ports, so that assessment and analytics can count
 * records and show them without reading another module's tables.
 */
export interface RecordFact {
  unitId: string;
  /** What the record is, e.g. `daily_report`, `incident_step`, `drill`. */
  kind: string;
  id: string;
  /** ISO time, or a local date for day-based records. */
  at: string;
  ok: boolean;
  /** A short description in the record's own words (a title, a status). */
  label: string;
  /** Where the record opens in Steady; null when it has no page of its own. */
  link: string | null;
}

/** A window of time: [from, to) as ISO instants. */
export interface Window {
  from: string;
  to: string;
}
