import { z } from "zod";
import type { Endpoint } from "../../shared/api/endpoint.ts";
import { endpoints } from "../../shared/api/endpoints.ts";
import { alertSchema } from "../../shared/schemas/alert.ts";
import { apiKeySchema } from "../../shared/schemas/api-key.ts";
import { dischargeSignatureSchema } from "../../shared/schemas/discharge.ts";
import { apiErrorSchema } from "../../shared/schemas/errors.ts";
import { observationSchema } from "../../shared/schemas/observation.ts";
import { patientSchema } from "../../shared/schemas/patient.ts";
import { infusionSessionSchema } from "../../shared/schemas/session.ts";
import {
  recordObservationResponseSchema,
  recordVitalsResponseSchema,
  sessionDetailSchema,
  sessionSummarySchema,
} from "../../shared/schemas/session-views.ts";
import { actorSchema, meResponseSchema, userSchema } from "../../shared/schemas/user.ts";
import { vitalsReadingSchema } from "../../shared/schemas/vitals.ts";

/**
 * The OpenAPI 3.1 document, generated from the endpoint catalogue (shared/api/endpoints.ts) with zod's
 * own JSON Schema output (draft 2020-12, the dialect of OpenAPI 3.1). Nothing here is written by hand
 * except names for the shared entities, so the document cannot drift from what the server validates.
 */
type JsonSchema = Record<string, unknown>;

const componentRef = (name: string) => `#/components/schemas/${name}`;
const cookieName = "vigil_session";

/** Entities that many responses share get a readable component name; the rest are named by endpoint. */
const entityNames = new Map<z.ZodType, string>([
  [apiErrorSchema, "ApiError"],
  [patientSchema, "Patient"],
  [infusionSessionSchema, "InfusionSession"],
  [vitalsReadingSchema, "VitalsReading"],
  [observationSchema, "Observation"],
  [alertSchema, "Alert"],
  [dischargeSignatureSchema, "DischargeSignature"],
  [userSchema, "User"],
  [actorSchema, "Actor"],
  [sessionDetailSchema, "SessionDetail"],
  [sessionSummarySchema, "SessionSummary"],
  [recordVitalsResponseSchema, "RecordVitalsResponse"],
  [recordObservationResponseSchema, "RecordObservationResponse"],
  [meResponseSchema, "MeResponse"],
  [apiKeySchema, "ApiKey"],
]);

const errorResponses: Record<string, string> = {
  "400": "The request failed validation; `issues` names each field and why",
  "401": "Not logged in (or, on ingest, no live API key), or the credentials are wrong",
  "403": "The user's role may not do this",
  "404": "No such resource",
  "409": "Conflict with the current state, e.g. an invalid phase transition or a locked session",
};

/** Public, the login cookie, or (devices) an ingest API key as a bearer token: never both. */
export function securityOf(endpoint: Endpoint): Record<string, string[]>[] {
  if (endpoint.roles === null) return [];
  return endpoint.auth === "apiKey" ? [{ bearerAuth: [] }] : [{ cookieAuth: [] }];
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** Names each schema once, so two endpoints sharing a schema share a component. */
class Components {
  readonly registry = z.registry<{ id: string }>();
  private readonly names = new Map<z.ZodType, string>();

  name(schema: z.ZodType, fallback: string): string {
    const known = this.names.get(schema);
    if (known) return known;
    const name = entityNames.get(schema) ?? fallback;
    this.names.set(schema, name);
    this.registry.add(schema, { id: name });
    return name;
  }

  emit(io: "input" | "output"): Record<string, JsonSchema> {
    const { schemas } = z.toJSONSchema(this.registry, {
      target: "draft-2020-12",
      io,
      unrepresentable: "any",
      uri: componentRef,
    });
    return Object.fromEntries(Object.entries(schemas).map(([name, schema]) => [name, clean(schema)]));
  }
}

/** Drops the per-schema dialect and id markers: the document's dialect applies to every schema. */
function clean(schema: unknown): JsonSchema {
  const { $schema: _dialect, $id: _id, ...rest } = schema as JsonSchema;
  return rest;
}

function parameters(schema: z.ZodType | undefined, location: "path" | "query"): JsonSchema[] {
  if (!schema) return [];
  const json = z.toJSONSchema(schema, { target: "draft-2020-12", io: "input", unrepresentable: "any" });
  const properties = (json.properties ?? {}) as Record<string, JsonSchema>;
  const required = new Set(json.required ?? []);
  return Object.entries(properties).map(([name, property]) => ({
    name,
    in: location,
    required: location === "path" || required.has(name),
    schema: property,
  }));
}

const openApiPath = (path: string) => path.replace(/:([a-zA-Z]+)/g, "{$1}");
const tagOf = (path: string) => path.split("/")[2] ?? "api";

function operation(
  name: string,
  endpoint: Endpoint,
  requests: Components,
  responses: Components,
): JsonSchema {
  const status = String(endpoint.successStatus ?? 200);
  const success =
    status === "204"
      ? { description: "Done" }
      : {
          description: "Success",
          content: {
            "application/json": {
              schema: {
                $ref: componentRef(responses.name(endpoint.response, `${capitalise(name)}Response`)),
              },
            },
          },
        };
  const errorRef = componentRef(responses.name(apiErrorSchema, "ApiError"));
  const errorContent = { "application/json": { schema: { $ref: errorRef } } };
  const errors = Object.fromEntries(
    Object.entries(errorResponses).map(([code, description]) => [
      code,
      { description, content: errorContent },
    ]),
  );
  const params = [...parameters(endpoint.params, "path"), ...parameters(endpoint.query, "query")];

  return {
    operationId: name,
    summary: endpoint.summary,
    tags: [tagOf(endpoint.path)],
    ...(params.length > 0 ? { parameters: params } : {}),
    ...(endpoint.body
      ? {
          requestBody: {
            required: true,
            content: {
              "application/json": {
                schema: { $ref: componentRef(requests.name(endpoint.body, `${capitalise(name)}Request`)) },
              },
            },
          },
        }
      : {}),
    responses: {
      [status]: success,
      ...errors,
      default: {
        description: "Unexpected error (e.g. 413 payload too large, 500 internal)",
        content: errorContent,
      },
    },
    security: securityOf(endpoint),
    "x-roles": endpoint.roles === null ? [] : [...endpoint.roles],
  };
}

export function buildOpenApiDocument(version: string): Record<string, unknown> {
  const requests = new Components();
  const responses = new Components();
  for (const [schema, name] of entityNames) responses.name(schema, name);
  const paths: Record<string, Record<string, JsonSchema>> = {};

  for (const [name, endpoint] of Object.entries(endpoints) as [string, Endpoint][]) {
    const path = openApiPath(endpoint.path);
    paths[path] ??= {};
    paths[path][endpoint.method] = operation(name, endpoint, requests, responses);
  }

  return {
    openapi: "3.1.0",
    jsonSchemaDialect: "https://json-schema.org/draft/2020-12/schema",
    info: {
      title: "Vigil API",
      version,
      description:
        "Real-time monitoring for IV ketamine infusion clinics. Generated from shared/api/endpoints.ts. " +
        "Live updates travel over Socket.IO and are not described here.",
    },
    tags: [...new Set(Object.values(endpoints).map((e) => tagOf(e.path)))].map((name) => ({ name })),
    paths,
    components: {
      schemas: { ...responses.emit("output"), ...requests.emit("input") },
      securitySchemes: {
        cookieAuth: {
          type: "apiKey",
          in: "cookie",
          name: cookieName,
          description: "Set by POST /api/auth/login",
        },
        bearerAuth: {
          type: "http",
          scheme: "bearer",
          bearerFormat: "vgl_<secret>",
          description:
            "An ingest API key created by an admin (POST /api/admin/api-keys). It opens only the ingest " +
            "endpoints; every other endpoint answers 401 to it.",
        },
      },
    },
  };
}
