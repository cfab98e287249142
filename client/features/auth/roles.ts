import type { Role } from "../../../shared/schemas/user.ts";

/** Nurses and physicians record; admins read. */
export const canRecord = (role: Role) => role === "nurse" || role === "physician";
export const canAcknowledge = (role: Role) => role === "physician";
/**
 * An unconfirmed provisional alarm ("not saved — check patient") is cleared from a screen by whoever checks
 * the patient: the nurse at the chair or a physician. Only from that screen: nothing is recorded.
 */
export const canDismissUnconfirmed = canRecord;
export const canSignDischarge = (role: Role) => role === "physician";

export const roleLabels: Record<Role, string> = {
  nurse: "Nurse",
  physician: "Physician",
  admin: "Admin",
  // an ingest API key (monitor gateway): appears as the author of monitor readings, never logs in
  device: "Device",
};
