import fs from "node:fs";
import path from "node:path";

/** Counts the payloads a fuzz file sent and writes them to tests/.tmp/fuzz-summary/<file>.json for the README. */
export function fuzzTally(file: string) {
  const counts: Record<string, number> = {};
  return {
    add(kind: string, n = 1) {
      counts[kind] = (counts[kind] ?? 0) + n;
    },
    write(extra: Record<string, unknown> = {}) {
      const total = Object.values(counts).reduce((a, b) => a + b, 0);
      const summary = { file, total, counts, ...extra };
      const dir = path.resolve("tests/.tmp/fuzz-summary");
      fs.mkdirSync(dir, { recursive: true });
      fs.writeFileSync(path.join(dir, `${file}.json`), `${JSON.stringify(summary, null, 2)}\n`);
      console.log(`[fuzz] ${file}: ${total} payloads ${JSON.stringify(counts)}`);
    },
  };
}
