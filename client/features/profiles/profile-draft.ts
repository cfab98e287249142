import type { LevelParameter } from "../../../shared/clinical/engine/levels.ts";
import type { LevelRule, ThresholdProfile } from "../../../shared/clinical/engine/profile.ts";
import { updateProfileRequestSchema } from "../../../shared/schemas/profile.ts";
import type { ApiIssue } from "../../lib/api-client.ts";
import { type FieldErrors, issueKey } from "../../lib/field-errors.ts";

/**
 * The profile editor's draft: the profile itself (numbers may be NaN while being typed, and the
 * schema refuses them on save) plus the raw text of each number field, by path.
 */
export type Path = readonly (string | number)[];
export const pathKey = (path: Path) => path.join(".");

export const levelParameters: readonly LevelParameter[] = ["sbp", "dbp", "hr", "spo2", "rr", "moaas"];

export const levelsPath = (p: LevelParameter): Path =>
  p === "moaas" ? ["moaas", "levels"] : ["vitals", p, "levels"];
export const clearMarginPath = (p: LevelParameter): Path =>
  p === "moaas" ? ["moaas", "clearMargin"] : ["vitals", p, "clearMargin"];

export function getAt(value: unknown, path: Path): unknown {
  let current = value;
  for (const key of path) {
    if (current === null || typeof current !== "object") return undefined;
    current = (current as Record<string | number, unknown>)[key];
  }
  return current;
}

/** A copy with the value at `path` replaced; `undefined` removes the key (optional fields). */
export function setAt<T>(value: T, path: Path, next: unknown): T {
  const [head, ...rest] = path;
  if (head === undefined) return next as T;
  const copy = (Array.isArray(value) ? [...value] : { ...(value as object) }) as Record<
    string | number,
    unknown
  >;
  if (rest.length === 0 && next === undefined) {
    if (Array.isArray(copy)) copy.splice(Number(head), 1);
    else delete copy[head];
    return copy as T;
  }
  copy[head] = setAt(copy[head] ?? (typeof rest[0] === "number" ? [] : {}), rest, next);
  return copy as T;
}

/** "" is "not set" for optional fields (undefined) and invalid (NaN) for required ones. */
export function parseNumber(text: string, optional: boolean): number | undefined {
  const t = text.trim();
  if (t === "") return optional ? undefined : Number.NaN;
  return Number(t);
}

export function levelsOf(profile: ThresholdProfile, p: LevelParameter): LevelRule[] {
  return getAt(profile, levelsPath(p)) as LevelRule[];
}

export const newLevel = (): LevelRule => ({ op: ">=", value: 0, priority: "medium" });

/** Issue paths of the request ("profile.vitals.sbp.levels.0.value", "reason") as draft keys. */
export function issueToKey(path: ApiIssue["path"] | readonly PropertyKey[]): string {
  return issueKey(path).replace(/^profile\./, "");
}

export function errorsByKey(
  issues: readonly { path: ApiIssue["path"] | readonly PropertyKey[]; message: string }[],
) {
  const errors: FieldErrors = {};
  for (const i of issues) {
    const key = issueToKey(i.path);
    errors[key] = [...(errors[key] ?? []), i.message];
  }
  return errors;
}

/** Validates the request with the shared schema; the issues are keyed like the fields. */
export function validateRequest(profile: ThresholdProfile, reason: string) {
  const parsed = updateProfileRequestSchema.safeParse({ profile, reason });
  if (parsed.success) return { ok: true as const, body: parsed.data };
  return { ok: false as const, errors: errorsByKey(parsed.error.issues) };
}
