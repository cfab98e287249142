import type { ErrorRequestHandler } from "express";
import { z } from "zod";
import type { ApiError, ApiErrorCode } from "../../shared/schemas/errors.ts";
import { logger } from "../logging/logger.ts";

type Issue = { path: string; message: string };

/** An error with a status and a body the client can show next to the right field. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: ApiErrorCode,
    message: string,
    readonly extra: { issues?: Issue[]; allowed?: string[] } = {},
  ) {
    super(message);
  }

  toBody(): ApiError {
    return { error: { code: this.code, message: this.message, ...this.extra } };
  }
}

export const notFound = (what: string) => new HttpError(404, "not_found", `${what} not found`);

export const sessionLocked = () =>
  new HttpError(409, "session_locked", "This session is discharged and locked: the record is read-only.");

export function validationError(error: z.ZodError, where?: string): HttpError {
  const pathOf = (parts: PropertyKey[]) =>
    [where, ...parts.map(String)].filter((p) => p !== undefined && p !== "").join(".") || "(root)";
  const issues = error.issues.flatMap((issue) =>
    issue.code === "unrecognized_keys"
      ? issue.keys.map((key) => ({ path: pathOf([...issue.path, key]), message: "is not a known field" }))
      : [{ path: pathOf(issue.path), message: issue.message }],
  );
  const summary = issues.map((i) => `${i.path} ${i.message}`).join("; ");
  return new HttpError(400, "validation_failed", `Invalid request: ${summary}`, { issues });
}

/** Express error handler: known errors keep their status; anything else is a 500 without internals. */
export const errorHandler: ErrorRequestHandler = (err, req, res, _next) => {
  if (err instanceof HttpError) {
    res.status(err.status).json(err.toBody());
    return;
  }
  if (err instanceof z.ZodError) {
    res.status(400).json(validationError(err).toBody());
    return;
  }
  const bodyParserType = (err as { type?: string }).type;
  if (bodyParserType === "entity.parse.failed") {
    res
      .status(400)
      .json(
        new HttpError(
          400,
          "validation_failed",
          "The request body is not valid JSON (send a JSON object).",
        ).toBody(),
      );
    return;
  }
  if (bodyParserType === "charset.unsupported" || bodyParserType === "encoding.unsupported") {
    const what = (err as Error).message;
    res
      .status(415)
      .json(
        new HttpError(415, "unsupported_media_type", `The request body cannot be read: ${what}.`).toBody(),
      );
    return;
  }
  if (bodyParserType === "entity.too.large") {
    res
      .status(413)
      .json(
        new HttpError(413, "payload_too_large", "The request body is too large (limit 100 kB).").toBody(),
      );
    return;
  }
  const status = (err as { status?: number }).status;
  if (typeof status === "number" && status >= 400 && status < 500) {
    res
      .status(status)
      .json(new HttpError(status, "validation_failed", "The request could not be read.").toBody());
    return;
  }
  // Method and route pattern only: the URL and body may carry patient identifiers.
  logger.error({ err, method: req.method, route: req.route?.path ?? null }, "unhandled error");
  res.status(500).json(new HttpError(500, "internal", "Internal error: nothing was changed.").toBody());
};
