export interface DischargeSignaturesTable {
  session_id: string;
  signed_by: string;
  signed_at: Date;
  meaning: string;
  note: string | null;
  /** JSON of the discharge readiness at signing (null for signatures before migration 0004). */
  readiness?: unknown;
}

/** Unmet discharge criteria the physician signed over, each with its written reason. */
export interface DischargeOverridesTable {
  session_id: string;
  criterion_id: string;
  criterion_label: string;
  unmet_reason: string;
  reason: string;
}

/** The nurse's discharge checklist: one row per change, never updated. */
export interface DischargeChecklistVersionsTable {
  id: string;
  session_id: string;
  /** JSON of the checklist items (shared/clinical/discharge/checklist.ts). */
  items: unknown;
  recorded_by: string;
  recorded_at: Date;
}
