import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type ChainedFields,
  canonicalJson,
  canonicalStoredJson,
  genesisHash,
  rowHash,
  type StoredRow,
} from "./chain.ts";
import { sampleAuditFields } from "./test-support.ts";

function chain(count: number): StoredRow[] {
  const rows: StoredRow[] = [];
  let prev = genesisHash;
  for (let seq = 1; seq <= count; seq++) {
    const fields = sampleAuditFields(seq);
    const hash = rowHash(prev, fields);
    rows.push({ ...fields, prevHash: prev, hash });
    prev = hash;
  }
  return rows;
}

describe("audit hash chain", () => {
  it("serialises objects with sorted keys at every depth", () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { y: 1, x: null }], c: "s" }, u: undefined })).toBe(
      '{"a":{"c":"s","d":[2,{"x":null,"y":1}]},"b":1}',
    );
  });

  it("hashes the same fields the same way whatever their key order or Date form", () => {
    const [row] = chain(1);
    const reordered = { ...row!, after: { nested: { a: [1, 2], b: 1 }, sbp: 121 } };
    expect(rowHash(genesisHash, reordered)).toBe(row!.hash);
    expect(rowHash("f".repeat(64), row!)).not.toBe(row!.hash);
  });

  it("keeps the hash of a known row (existing chains must still verify)", () => {
    const fields: ChainedFields = {
      seq: 7,
      at: "2025-01-01T09:07:00.000Z",
      actorId: "u1",
      actorName: "Nurse Ä",
      action: "vitals:recorded",
      entity: "vitals_reading",
      entityId: "r7",
      sessionId: "s1",
      before: null,
      after: {
        sbp: 121,
        when: new Date(Date.UTC(2025, 0, 1)),
        u: undefined,
        nested: { b: 1, a: [1, undefined, () => 1, Number.NaN] },
        é: "\ud800",
      },
    };
    // Computed by the former stringify → parse → canonicalJson implementation.
    expect(rowHash(genesisHash, fields)).toBe(
      "d6dbbd20f7bbd49dae7c977fc7a4f6f3f702c7fcdf8b9358234f36b6b7b44cc4",
    );
  });

  it("serialises any value as canonicalJson of its jsonb round trip", () => {
    const roundTrip = (v: unknown) => canonicalJson(v === undefined ? null : JSON.parse(JSON.stringify(v)));
    fc.assert(
      fc.property(
        fc.anything({
          withDate: true,
          withBoxedValues: true,
          withNullPrototype: true,
          withSparseArray: true,
        }),
        (value) => {
          expect(canonicalStoredJson(value)).toBe(roundTrip(value));
        },
      ),
      { numRuns: 2000 },
    );
  });
});
