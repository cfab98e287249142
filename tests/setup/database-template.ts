import fs from "node:fs";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { openDatabase } from "../../server/db/database.ts";
import { migrateToLatest } from "../../server/db/migrate.ts";

declare module "vitest" {
  export interface ProvidedContext {
    pgliteTemplate: string;
  }
}

/**
 * Migrates one PGlite database per run and dumps it; every test file starts from a copy
 * (initialising PGlite takes seconds, loading a dump well under one).
 */
export default async function setup(project: TestProject): Promise<() => void> {
  const dir = path.resolve("tests/.tmp");
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `pglite-template-${process.pid}-${project.name}.tar.gz`);
  const handle = await openDatabase({});
  await migrateToLatest(handle.db);
  const dump = await handle.dump!();
  fs.writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  await handle.close();
  project.provide("pgliteTemplate", file);
  return () => fs.rmSync(file, { force: true });
}
