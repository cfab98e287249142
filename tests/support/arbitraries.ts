import fc from "fast-check";

/** Fixed by default so a failure reproduces; FUZZ_SEED=<n> explores another corner. */
export const fuzzSeed = Number(process.env.FUZZ_SEED ?? 20261122);

/** FUZZ_RUNS_SCALE=4 runs four times as many payloads (the default keeps the files to ~30-60 s). */
const scale = Number(process.env.FUZZ_RUNS_SCALE ?? 1);

export const runs = (numRuns: number): fc.Parameters<unknown> => ({
  seed: fuzzSeed,
  numRuns: Math.max(1, Math.round(numRuns * scale)),
  endOnFailure: true,
});

/** Strings that break naive code: empty, control characters, injection, prototype keys, lone surrogates. */
const nastyStrings = fc.constantFrom(
  "",
  " ",
  "\u0000",
  "a\u0000b",
  "\n\r\t",
  "null",
  "undefined",
  "true",
  "-1",
  "1e309",
  "NaN",
  "<script>alert(1)</script>",
  "'; drop table patients; --",
  "__proto__",
  "constructor",
  "%00",
  "../../etc/passwd",
  "\ud800",
  "🩸💉",
  "x".repeat(5000),
);

const nastyNumbers = fc.constantFrom(
  0,
  -0,
  -1,
  1.5,
  1e308,
  -1e308,
  Number.MAX_SAFE_INTEGER + 2,
  2 ** 31,
  -(2 ** 31) - 1,
  Number.MIN_VALUE,
);

/** Any JSON value of the wrong kind for most fields. */
export const junkValue: fc.Arbitrary<unknown> = fc.oneof(
  nastyStrings,
  nastyNumbers,
  fc.string({ maxLength: 40 }),
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.boolean(),
  fc.constant(null),
  fc.uuid().map((u) => u as unknown),
  fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
  fc.jsonValue({ maxDepth: 3 }),
  fc.array(fc.oneof(fc.integer(), fc.string()), { maxLength: 5 }),
);

/** `[[[...]]]` or `{"a":{"a":...}}` as JSON text, built without recursion. */
export function deeplyNestedJson(depth: number, kind: "array" | "object"): string {
  return kind === "array"
    ? `${"[".repeat(depth)}${"]".repeat(depth)}`
    : `${'{"a":'.repeat(depth)}1${"}".repeat(depth)}`;
}

/** A field name the schemas do not know, sometimes a prototype key. */
const unknownKey = fc.oneof(
  fc.constantFrom("__proto__", "constructor", "prototype", "isAdmin", "role", "id "),
  fc.string({ minLength: 1, maxLength: 12 }).map((k) => `x_${k}`),
);

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

/**
 * Payloads around a valid body: replaced wholesale, one field swapped for junk, deleted, an unknown field
 * added, nested deep, wrapped in an array. The schema itself says which of them are invalid.
 */
export function mutatedBody(valid: unknown): fc.Arbitrary<unknown> {
  const whole = fc.oneof(junkValue, fc.constant({}), fc.constant([valid]));
  if (!isPlainObject(valid) || Object.keys(valid).length === 0) {
    return fc.oneof(
      whole,
      fc.record({ key: unknownKey, value: junkValue }).map((u) => ({ [u.key]: u.value })),
    );
  }
  const keys = Object.keys(valid);
  const key = fc.constantFrom(...keys);
  const textKeys = keys.filter((k) => typeof valid[k] === "string");
  const nastyText = textKeys.length
    ? fc
        .record({ key: fc.constantFrom(...textKeys), value: nastyStrings })
        .map(({ key, value }) => ({ ...valid, [key]: `${String(valid[key]).slice(0, 20)}${value}` }))
    : whole;
  return fc.oneof(
    whole,
    nastyText,
    fc.record({ key, value: junkValue }).map(({ key, value }) => ({ ...valid, [key]: value })),
    key.map((k) => {
      const { [k]: _dropped, ...rest } = valid;
      return rest;
    }),
    fc.record({ key: unknownKey, value: junkValue }).map((u) => {
      const copy: Record<string, unknown> = { ...valid };
      Object.defineProperty(copy, u.key, {
        value: u.value,
        enumerable: true,
        configurable: true,
        writable: true,
      });
      return copy;
    }),
    fc.record({ key, depth: fc.integer({ min: 20, max: 200 }) }).map(({ key, depth }) => ({
      ...valid,
      [key]: JSON.parse(deeplyNestedJson(depth, "object")),
    })),
  );
}

/** Path parameters that are not UUIDs (and a few that almost are). */
export const notUuid: fc.Arbitrary<string> = fc.oneof(
  fc.string({ minLength: 1, maxLength: 60 }),
  fc.constantFrom(
    "123",
    "null",
    "undefined",
    "00000000-0000-0000-0000-00000000000g",
    "00000000-0000-0000-0000-0000000000000",
    "{00000000-0000-0000-0000-000000000000}",
    "' or 1=1 --",
    "x".repeat(2000),
  ),
  fc.uuid().map((u) => `${u}x`),
  fc.uuid().map((u) => u.replaceAll("-", "")),
);

/** A query string with unknown keys, repeated keys and junk values. */
export const junkQuery: fc.Arbitrary<[string, string][]> = fc.array(
  fc.tuple(
    fc.oneof(
      fc.constantFrom("q", "status", "patientId", "__proto__", "q[]", "status[a]"),
      fc.string({ maxLength: 10 }),
    ),
    fc.oneof(nastyStrings, fc.string({ maxLength: 200 })),
  ),
  { maxLength: 6 },
);
