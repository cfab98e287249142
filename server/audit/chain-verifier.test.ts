import { describe, expect, it } from "vitest";
import { genesisHash, rowHash, type StoredRow } from "./chain.ts";
import { type SealBlock, verifySealedChain } from "./chain-verifier.ts";
import { SealBlockBuilder, type SealEnd } from "./seal-block.ts";
import { sampleAuditFields } from "./test-support.ts";

const fields = sampleAuditFields;

/** Rows written before sealing: each with its stored prev_hash and hash, and block 1 over them all. */
function legacyChain(count: number): { rows: StoredRow[]; seals: SealBlock[] } {
  const rows: StoredRow[] = [];
  let prev = genesisHash;
  for (let seq = 1; seq <= count; seq++) {
    const hash = rowHash(prev, fields(seq));
    rows.push({ ...fields(seq), prevHash: prev, hash });
    prev = hash;
  }
  const seals: SealBlock[] = count
    ? [
        {
          block: 1,
          fromSeq: 1,
          toSeq: count,
          rowCount: count,
          gaps: [],
          digests: null,
          prevHash: genesisHash,
          hash: prev,
        },
      ]
    : [];
  return { rows, seals };
}

/** Rows with the given seqs (others rolled back), sealed in blocks ending at the given seqs, after `seals`. */
function sealed(seqs: number[], blockEnds: number[], seals: SealBlock[] = []) {
  const rows: StoredRow[] = seqs.map((seq) => ({ ...fields(seq), prevHash: null, hash: null }));
  const all = [...seals];
  let rest = rows.filter((r) => r.seq > (seals.at(-1)?.toSeq ?? 0));
  for (const end of blockEnds) {
    const last = all.at(-1);
    const builder = new SealBlockBuilder(
      last && ({ block: last.block, toSeq: last.toSeq, hash: last.hash } as SealEnd),
    );
    for (const row of rest.filter((r) => r.seq <= end)) builder.add(row);
    all.push(builder.build()!);
    rest = rest.filter((r) => r.seq > end);
  }
  return { rows, seals: all };
}

const verify = (rows: StoredRow[], seals: SealBlock[]) =>
  verifySealedChain(rows, seals, { seals: seals.length, sealedThrough: seals.at(-1)?.toSeq ?? 0 });

const replace = (rows: StoredRow[], seq: number, change: Partial<StoredRow>) =>
  rows.map((r) => (r.seq === seq ? { ...r, ...change } : r));

describe("verifying the legacy chain (per-row hashes)", () => {
  it("verifies an intact chain and an empty one", async () => {
    const { rows, seals } = legacyChain(5);
    expect(await verify(rows, seals)).toEqual({ ok: true, rows: 5, seals: 1, sealedThrough: 5, unsealed: 0 });
    expect(await verify([], [])).toEqual({ ok: true, rows: 0, seals: 0, sealedThrough: 0, unsealed: 0 });
  });

  it("names the first changed row, a rehashed row by its broken link, and a deleted row by its seq", async () => {
    const { rows, seals } = legacyChain(5);
    expect(await verify(replace(rows, 3, { after: { sbp: 99 } }), seals)).toMatchObject({
      ok: false,
      firstBadSeq: 3,
      reason: expect.stringMatching(/hash/),
    });
    const forged = { ...rows[1]!, after: { sbp: 99 } };
    const rehashed = replace(rows, 2, { after: forged.after, hash: rowHash(forged.prevHash!, forged) });
    expect(await verify(rehashed, seals)).toMatchObject({
      ok: false,
      firstBadSeq: 3,
      reason: expect.stringMatching(/prev_hash/),
    });
    expect(
      await verify(
        rows.filter((r) => r.seq !== 4),
        seals,
      ),
    ).toMatchObject({
      ok: false,
      firstBadSeq: 4,
      reason: expect.stringMatching(/missing/),
    });
    expect(await verify(rows.slice(0, 4), seals)).toMatchObject({ ok: false, firstBadSeq: 5 });
  });

  it("chains sealed rows on from the legacy block", async () => {
    const legacy = legacyChain(3);
    const { rows, seals } = sealed([4, 5, 7, 8], [8], legacy.seals);
    const all = [...legacy.rows, ...rows];
    expect(await verify(all, seals)).toEqual({ ok: true, rows: 7, seals: 2, sealedThrough: 8, unsealed: 0 });
    expect(await verify(replace(all, 2, { actorName: "Someone" }), seals)).toMatchObject({ firstBadSeq: 2 });
  });
});

describe("verifying sealed rows", () => {
  const seqs = [1, 2, 3, 5, 6, 7, 8, 10, 11, 12]; // 4 and 9 rolled back
  const { rows, seals } = sealed(seqs, [3, 8, 11]);

  it("verifies blocks with gaps, and counts the rows above the last seal as unsealed", async () => {
    expect(seals.map((s) => [s.fromSeq, s.toSeq, s.gaps])).toEqual([
      [1, 3, []],
      [4, 8, [4]],
      [9, 11, [9]],
    ]);
    expect(await verify(rows, seals)).toEqual({
      ok: true,
      rows: 10,
      seals: 3,
      sealedThrough: 11,
      unsealed: 1,
    });
  });

  it("names a changed row by its own seq, and still counts every row", async () => {
    for (const seq of [1, 5, 8, 11]) {
      expect(await verify(replace(rows, seq, { after: { sbp: 1 } }), seals)).toEqual({
        ok: false,
        rows: 10,
        seals: 3,
        sealedThrough: 11,
        unsealed: 1,
        firstBadSeq: seq,
        reason: expect.stringMatching(/hash does not match/),
      });
    }
    expect(await verify(replace(rows, 12, { after: { sbp: 1 } }), seals)).toMatchObject({ ok: true });
  });

  it("names a deleted row, and a row inserted into a gap or before the first block", async () => {
    for (const seq of [1, 3, 5, 8, 11]) {
      expect(
        await verify(
          rows.filter((r) => r.seq !== seq),
          seals,
        ),
      ).toMatchObject({
        ok: false,
        firstBadSeq: seq,
        reason: expect.stringMatching(/missing/),
      });
    }
    const inserted = [...rows, { ...fields(9), prevHash: null, hash: null }].sort((a, b) => a.seq - b.seq);
    expect(await verify(inserted, seals)).toMatchObject({ ok: false, firstBadSeq: 9, reason: /not there/ });
    const before = [{ ...fields(0), prevHash: null, hash: null }, ...rows];
    expect(await verify(before, seals)).toMatchObject({ ok: false, firstBadSeq: 0 });
  });

  it("refuses seals that do not follow on, link, agree with themselves or end on their rows' hash", async () => {
    const changed = (i: number, change: Partial<SealBlock>) =>
      seals.map((s, k) => (k === i ? { ...s, ...change } : s));
    const cases: [SealBlock[], number, RegExp][] = [
      [changed(1, { block: 3 }), 4, /follows/],
      [changed(1, { fromSeq: 5, gaps: [] }), 5, /starts at/],
      [changed(2, { prevHash: genesisHash }), 9, /link/],
      [changed(1, { rowCount: 5 }), 4, /agree/],
      [changed(1, { hash: "f".repeat(64) }), 8, /seal/],
      [changed(1, { digests: null, hash: "f".repeat(64) }), 8, /do not hash/],
    ];
    for (const [altered, firstBadSeq, reason] of cases) {
      expect(await verify(rows, altered)).toMatchObject({ ok: false, firstBadSeq, reason });
    }
    expect(await verify(rows, seals.slice(0, 1).concat(seals.slice(2)))).toMatchObject({ ok: false });
  });
});
