import { type ChainedFields, digestChars, genesisHash, rowHash } from "./chain.ts";
import type { SealBlock } from "./chain-verifier.ts";

/** Where the last seal block ended (none before anything was sealed). */
export interface SealEnd {
  block: number;
  toSeq: number;
  hash: string;
}

/**
 * Builds the seal block that follows `last` from committed rows fed in seq order: chains their hashes on
 * from the last seal's hash (rowHash, the same maths as rows hashed one by one), keeps each row's digest
 * and records the seqs no row took.
 */
export class SealBlockBuilder {
  readonly fromSeq: number;
  readonly #block: number;
  readonly #prevHash: string;
  #hash: string;
  #digests = "";
  #gaps: number[] = [];
  #next: number;
  #rows = 0;

  constructor(last: SealEnd | undefined) {
    this.fromSeq = (last?.toSeq ?? 0) + 1;
    this.#block = (last?.block ?? 0) + 1;
    this.#prevHash = last?.hash ?? genesisHash;
    this.#hash = this.#prevHash;
    this.#next = this.fromSeq;
  }

  get rows(): number {
    return this.#rows;
  }

  add(row: ChainedFields): void {
    if (row.seq < this.#next) throw new Error(`audit row ${row.seq} is out of seq order`);
    for (; this.#next < row.seq; this.#next++) this.#gaps.push(this.#next);
    this.#hash = rowHash(this.#hash, row);
    this.#digests += this.#hash.slice(0, digestChars);
    this.#next = row.seq + 1;
    this.#rows++;
  }

  /** The block, ending at the last row added (null: no row was added). */
  build(): SealBlock | null {
    if (this.#rows === 0) return null;
    return {
      block: this.#block,
      fromSeq: this.fromSeq,
      toSeq: this.#next - 1,
      rowCount: this.#rows,
      gaps: this.#gaps,
      digests: this.#digests,
      prevHash: this.#prevHash,
      hash: this.#hash,
    };
  }
}
