import { createHash } from "node:crypto";

/** The fields of an audit row that its hash covers (everything but the storage id and the hash itself). */
export interface ChainedFields {
  seq: number;
  at: string;
  actorId: string | null;
  actorName: string;
  action: string;
  entity: string;
  entityId: string | null;
  sessionId: string | null;
  before: unknown;
  after: unknown;
}

/** The first row's prev_hash. */
export const genesisHash = "0".repeat(64);

/** JSON with object keys sorted at every depth: the same value always gives the same text (jsonb reorders keys). */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map((v) => canonicalJson(v)).join(",")}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
}

/** A value as it comes back from a jsonb column: Dates become ISO strings, undefined keys vanish. */
export function asStoredJson(value: unknown): unknown {
  return value === undefined ? null : JSON.parse(JSON.stringify(value));
}

/** sha256 over the previous row's hash and the canonical JSON of this row's fields. */
export function rowHash(prevHash: string, fields: ChainedFields): string {
  return createHash("sha256")
    .update(prevHash)
    .update(
      canonicalJson({
        seq: fields.seq,
        at: fields.at,
        actorId: fields.actorId,
        actorName: fields.actorName,
        action: fields.action,
        entity: fields.entity,
        entityId: fields.entityId,
        sessionId: fields.sessionId,
        before: asStoredJson(fields.before),
        after: asStoredJson(fields.after),
      }),
    )
    .digest("hex");
}

export interface StoredRow extends ChainedFields {
  prevHash: string;
  hash: string;
}

export interface ChainReport {
  ok: boolean;
  rows: number;
  firstBadSeq?: number;
  reason?: string;
}

/**
 * Walks rows in seq order: each must follow the previous seq by one, link to the previous hash, and hash to
 * its stored hash. The first row that does not is reported; a changed row breaks its own hash, a deleted or
 * inserted one the links around it.
 */
export function verifyRows(rows: Iterable<StoredRow>): ChainReport {
  let prev = genesisHash;
  let expectedSeq = 1;
  let count = 0;
  for (const row of rows) {
    count++;
    if (row.seq !== expectedSeq)
      return {
        ok: false,
        rows: count,
        firstBadSeq: row.seq,
        reason: `expected seq ${expectedSeq}, found ${row.seq}`,
      };
    if (row.prevHash !== prev)
      return {
        ok: false,
        rows: count,
        firstBadSeq: row.seq,
        reason: "prev_hash does not match the previous row",
      };
    if (rowHash(row.prevHash, row) !== row.hash)
      return {
        ok: false,
        rows: count,
        firstBadSeq: row.seq,
        reason: "hash does not match the row's contents",
      };
    prev = row.hash;
    expectedSeq++;
  }
  return { ok: true, rows: count };
}
