import { z } from "zod";

/** Client-generated ids make every create idempotent: a retry carries the same id. */
export const idSchema = z.uuid({ error: "must be a UUID" });

/** ISO 8601 instant with an offset, e.g. 2026-11-22T19:00:00.000Z. */
export const instantSchema = z.iso.datetime({ offset: true, error: "must be an ISO 8601 date-time" });

export const nonEmptyText = (max: number) =>
  z
    .string({ error: "must be text" })
    .trim()
    .min(1, { error: "must not be empty" })
    .max(max, { error: `must be at most ${max} characters` });

export const uuidParamsSchema = z.object({ id: idSchema });
