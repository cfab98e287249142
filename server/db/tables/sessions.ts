import type { Generated } from "kysely";
import type { ObservationType, Severity } from "../../../shared/schemas/observation.ts";
import type { Phase } from "../../../shared/schemas/session.ts";
import type { ReadingSource } from "../../../shared/schemas/vitals.ts";

export interface InfusionSessionsTable {
  id: string;
  patient_id: string;
  chair: string;
  weight_kg: number;
  dose_mg_per_kg: number;
  total_dose_mg: number;
  planned_duration_min: number;
  phase: Phase;
  created_by: string;
  created_at: Date;
  phase_changed_at: Date;
  infusion_started_at: Date | null;
  infusion_stopped_at: Date | null;
  discharged_at: Date | null;
  seq: Generated<number>;
}

export interface PhaseChangesTable {
  id: string;
  session_id: string;
  from_phase: Phase;
  to_phase: Phase;
  changed_by: string;
  changed_at: Date;
}

export interface VitalsReadingsTable {
  id: string;
  session_id: string;
  observed_at: Date;
  recorded_at: Date;
  source: ReadingSource;
  sbp: number | null;
  dbp: number | null;
  map: number | null;
  hr: number | null;
  spo2: number | null;
  rr: number | null;
  recorded_by: string;
  /** The seq of the reading's vitals:recorded change (what the alert engine replays in order); null: not stepped by seq. */
  session_seq: number | null;
}

export interface ObservationsTable {
  id: string;
  session_id: string;
  observed_at: Date;
  recorded_at: Date;
  type: ObservationType;
  severity: Severity | null;
  moaas: number | null;
  note: string | null;
  recorded_by: string;
}

/** A reading entered in error: the reading row stays as stored; this row says why, who, when, and what corrects it. */
export interface ReadingAmendmentsTable {
  reading_id: string;
  session_id: string;
  reason: string;
  amended_by: string;
  amended_at: Date;
  correction_id: string | null;
}

export interface ObservationAmendmentsTable {
  observation_id: string;
  session_id: string;
  reason: string;
  amended_by: string;
  amended_at: Date;
  correction_id: string | null;
}

export interface SessionAddendaTable {
  id: string;
  session_id: string;
  text: string;
  author_id: string;
  created_at: Date;
}
