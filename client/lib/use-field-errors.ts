import { useState } from "react";
import { type FieldErrors, splitServerIssues } from "./field-errors.ts";

/**
 * A form's errors: its own checks (setErrors) shown over the server's issues at their fields, the
 * server issues that belong to no field, and the error for the form's banner (null when every server
 * issue is shown at its field).
 */
export function useFieldErrors(error: unknown, fields: readonly string[]) {
  const [errors, setErrors] = useState<FieldErrors>({});
  const server = splitServerIssues(error, fields);
  return {
    shown: { ...server.fieldErrors, ...errors },
    setErrors,
    unplaced: server.unplaced,
    bannerError: server.unplaced.length > 0 || Object.keys(server.fieldErrors).length === 0 ? error : null,
  };
}
