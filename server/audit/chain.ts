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

/**
 * canonicalJson of a value as it comes back from a jsonb column (Dates as ISO strings, undefined keys gone),
 * in one pass: JSON.stringify's rules (toJSON, boxed primitives, non-finite numbers, dropped values) with
 * keys sorted, instead of a stringify → parse round trip. No value (undefined) is "null".
 */
export function canonicalStoredJson(value: unknown): string {
  return storedJson(value, "") ?? "null";
}

/** One property as JSON.stringify writes it (undefined where it leaves the property out). */
function storedJson(input: unknown, key: string): string | undefined {
  let value = input;
  if (value !== null && (typeof value === "object" || typeof value === "bigint")) {
    const toJSON = (value as { toJSON?: unknown }).toJSON;
    if (typeof toJSON === "function") value = toJSON.call(value, key);
  }
  if (value === null) return "null";
  switch (typeof value) {
    case "string":
    case "number":
    case "boolean":
    case "bigint": // JSON.stringify throws on it, as the round trip did
      return JSON.stringify(value);
    case "object":
      break;
    default:
      return undefined; // undefined, functions, symbols
  }
  if (value instanceof Number || value instanceof String || value instanceof Boolean) {
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) {
    let text = "[";
    for (let i = 0; i < value.length; i++) {
      if (i > 0) text += ",";
      text += storedJson(value[i], String(i)) ?? "null";
    }
    return `${text}]`;
  }
  const record = value as Record<string, unknown>;
  let text = "{";
  for (const k of Object.keys(record).sort(compareKeys)) {
    const json = storedJson(record[k], k);
    if (json === undefined) continue;
    if (text.length > 1) text += ",";
    text += `${JSON.stringify(k)}:${json}`;
  }
  return `${text}}`;
}

const compareKeys = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

type ScalarFields = Omit<ChainedFields, "before" | "after">;

/** The hashed object's keys, in canonicalJson's order. */
const hashedKeys = (
  [
    "seq",
    "at",
    "actorId",
    "actorName",
    "action",
    "entity",
    "entityId",
    "sessionId",
    "before",
    "after",
  ] as const
)
  .slice()
  .sort(compareKeys);

/** sha256 over the previous row's hash and the canonical JSON of this row's fields. */
export function rowHash(prevHash: string, fields: ChainedFields): string {
  return rowHashOfJson(
    prevHash,
    fields,
    canonicalStoredJson(fields.before),
    canonicalStoredJson(fields.after),
  );
}

/**
 * rowHash with before and after given as their canonicalStoredJson (the text the appender also stores):
 * the same text canonicalJson builds of the whole row, without serialising those values twice.
 */
export function rowHashOfJson(
  prevHash: string,
  fields: ScalarFields,
  beforeJson: string,
  afterJson: string,
): string {
  let text = "{";
  for (const key of hashedKeys) {
    let json: string;
    if (key === "before") json = beforeJson;
    else if (key === "after") json = afterJson;
    else if (fields[key] === undefined) continue;
    else json = canonicalJson(fields[key]);
    if (text.length > 1) text += ",";
    text += `"${key}":${json}`;
  }
  return createHash("sha256").update(prevHash).update(`${text}}`).digest("hex");
}

/** An audit row as read back: its stored prev_hash and hash are set only on rows written before sealing. */
export interface StoredRow extends ChainedFields {
  prevHash: string | null;
  hash: string | null;
}

/** The part of a row's hash a seal keeps for it (hex): enough to name the row that changed. */
export const digestChars = 16;
