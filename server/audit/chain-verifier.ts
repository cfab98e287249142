import type { AuditVerifyResponse } from "../../shared/schemas/audit.ts";
import { digestChars, genesisHash, rowHash, type StoredRow } from "./chain.ts";

/** One seal block as read back (server/audit/sealer.ts writes them). */
export interface SealBlock {
  block: number;
  fromSeq: number;
  toSeq: number;
  rowCount: number;
  /** Seqs of the range that no committed row took (rolled-back writes), ascending. */
  gaps: readonly number[];
  /** digestChars hex characters of every row's hash, in seq order; null for the legacy block. */
  digests: string | null;
  prevHash: string;
  hash: string;
}

/** What verification reports (the API's response, npm run audit:verify's output). */
export type ChainReport = AuditVerifyResponse;

type Source<T> = Iterable<T> | AsyncIterable<T>;

function iteratorOf<T>(source: Source<T>): Iterator<T> | AsyncIterator<T> {
  return Symbol.asyncIterator in source ? source[Symbol.asyncIterator]() : source[Symbol.iterator]();
}

/**
 * Walks rows in seq order against the seal blocks in block order. Every sealed row's hash is recomputed
 * (sha256 over the previous row's hash and this row's fields, as rowHash does) and checked against its
 * seal's digest, and legacy rows against their stored prev_hash/hash; each block must start where the
 * previous ended, link to its hash, hold exactly its seqs less its gaps, and end on its hash. The first
 * thing that does not is reported: a changed row by its own seq, a deleted one by its missing seq, an
 * inserted one by its seq. Rows above the last seal are counted as unsealed.
 */
export async function verifySealedChain(
  rows: Source<StoredRow>,
  seals: Source<SealBlock>,
  last: { seals: number; sealedThrough: number },
): Promise<ChainReport> {
  const sealIterator = iteratorOf(seals);
  let bad: { seq: number; reason: string } | null = null;
  const fail = (seq: number, reason: string) => {
    bad ??= { seq, reason };
  };
  let prev = genesisHash;
  let seal: SealBlock | null = null;
  let gaps = new Set<number>();
  let expected = 0; // the next seq the open block holds
  let index = 0; // the position of that row in the block
  let rowCount = 0;
  let unsealed = 0;

  const skipGaps = (seq: number) => {
    let next = seq;
    while (gaps.has(next)) next++;
    return next;
  };

  /** Closes the open block (if any) and opens the next, checking how it links on. */
  async function nextSeal(): Promise<void> {
    const previous = seal;
    if (previous && prev !== previous.hash) {
      fail(previous.toSeq, `the rows of seal block ${previous.block} do not hash to its seal`);
    }
    const next = await sealIterator.next();
    seal = next.done ? null : next.value;
    if (!seal || bad) return;
    const b = seal.block;
    gaps = new Set(seal.gaps);
    expected = skipGaps(seal.fromSeq);
    index = 0;
    if (b !== (previous?.block ?? 0) + 1)
      fail(seal.fromSeq, `seal block ${b} follows block ${previous?.block ?? 0}`);
    else if (seal.fromSeq !== (previous?.toSeq ?? 0) + 1)
      fail(seal.fromSeq, `seal block ${b} starts at seq ${seal.fromSeq}, not right after the previous block`);
    else if (seal.prevHash !== (previous?.hash ?? genesisHash))
      fail(seal.fromSeq, `seal block ${b} does not link to the previous block's hash`);
    else if (
      seal.rowCount !== seal.toSeq - seal.fromSeq + 1 - gaps.size ||
      (seal.digests !== null && seal.digests.length !== seal.rowCount * digestChars)
    )
      fail(seal.fromSeq, `seal block ${b} does not agree with itself (row count, gaps, digests)`);
  }

  /** Checks the row the open block expects next. */
  function checkRow(row: StoredRow, open: SealBlock): void {
    const hash = rowHash(prev, row);
    if (row.hash !== null && row.prevHash !== prev)
      fail(row.seq, "prev_hash does not match the previous row");
    else if (row.hash !== null && row.hash !== hash) fail(row.seq, "hash does not match the row's contents");
    else if (
      open.digests !== null &&
      open.digests.slice(index * digestChars, (index + 1) * digestChars) !== hash.slice(0, digestChars)
    )
      fail(row.seq, `hash does not match the row's contents as sealed in block ${open.block}`);
    prev = hash;
    index++;
    expected = skipGaps(row.seq + 1);
  }

  await nextSeal();
  for await (const row of rows as AsyncIterable<StoredRow>) {
    rowCount++;
    if (row.seq > last.sealedThrough) unsealed++;
    if (bad) continue; // read on only to count
    while (seal && row.seq > (seal as SealBlock).toSeq && !bad) {
      const open: SealBlock = seal;
      if (expected <= open.toSeq) fail(expected, `row ${expected} of seal block ${open.block} is missing`);
      else await nextSeal();
    }
    const open = seal as SealBlock | null;
    if (bad || !open) continue;
    if (row.seq < expected || gaps.has(row.seq))
      fail(row.seq, `row ${row.seq} was not there when seal block ${open.block} was sealed`);
    else if (row.seq > expected) fail(expected, `row ${expected} of seal block ${open.block} is missing`);
    else checkRow(row, open);
  }
  while (seal && !bad) {
    const open: SealBlock = seal;
    if (expected <= open.toSeq) fail(expected, `row ${expected} of seal block ${open.block} is missing`);
    else await nextSeal();
  }

  const report: ChainReport = {
    ok: bad === null,
    rows: rowCount,
    seals: last.seals,
    sealedThrough: last.sealedThrough,
    unsealed,
  };
  const found = bad as { seq: number; reason: string } | null;
  return found ? { ...report, firstBadSeq: found.seq, reason: found.reason } : report;
}
