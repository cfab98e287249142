import { describe, expect, it } from "vitest";
import type { Endpoint } from "../../shared/api/endpoint.ts";
import { endpoints } from "../../shared/api/endpoints.ts";
import { buildOpenApiDocument } from "./document.ts";

interface Operation {
  operationId: string;
  summary: string;
  parameters?: { name: string; in: string; required: boolean; schema: Record<string, unknown> }[];
  requestBody?: { required: boolean; content: { "application/json": { schema: { $ref: string } } } };
  responses: Record<
    string,
    { description: string; content?: { "application/json": { schema: { $ref: string } } } }
  >;
  security: Record<string, string[]>[];
  "x-roles": string[];
}
interface Schema {
  type?: string;
  required?: string[];
  properties?: Record<string, unknown>;
}
interface Document {
  openapi: string;
  info: { title: string; version: string };
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Schema>; securitySchemes: Record<string, Record<string, string>> };
}

const doc = buildOpenApiDocument("9.8.7") as unknown as Document;
const catalogue = Object.entries(endpoints) as [string, Endpoint][];
const openApiPath = (path: string) => path.replace(/:(\w+)/g, "{$1}");
const operationOf = (name: keyof typeof endpoints) => {
  const endpoint: Endpoint = endpoints[name];
  return doc.paths[openApiPath(endpoint.path)]?.[endpoint.method];
};
const resolve = (ref: string | undefined): Schema => {
  const name = ref?.replace("#/components/schemas/", "") ?? "";
  const schema = doc.components.schemas[name];
  if (!schema) throw new Error(`unresolved $ref ${ref}`);
  return schema;
};
const bodyOf = (name: keyof typeof endpoints) =>
  resolve(operationOf(name)?.requestBody?.content["application/json"].schema.$ref);

describe("buildOpenApiDocument", () => {
  it("is OpenAPI 3.1.0 with the given version", () => {
    expect(doc.openapi).toBe("3.1.0");
    expect(doc.info.version).toBe("9.8.7");
  });

  it("is JSON-serialisable without loss", () => {
    expect(JSON.parse(JSON.stringify(doc))).toEqual(doc);
  });

  it("has exactly one operation per catalogue endpoint", () => {
    const operations = Object.values(doc.paths).flatMap((methods) => Object.values(methods));
    expect(operations.map((o) => o.operationId).sort()).toEqual(catalogue.map(([name]) => name).sort());
  });

  it.each(catalogue)("describes %s with its path, method and summary", (name, endpoint) => {
    const operation = doc.paths[openApiPath(endpoint.path)]?.[endpoint.method];
    expect(operation?.operationId).toBe(name);
    expect(operation?.summary).toBe(endpoint.summary);
  });

  it.each(catalogue)("gives %s its success status and every error response", (_, endpoint) => {
    const operation = doc.paths[openApiPath(endpoint.path)]?.[endpoint.method];
    const success = String(endpoint.successStatus ?? 200);
    expect(Object.keys(operation?.responses ?? {})).toEqual(
      expect.arrayContaining([success, "400", "401", "403", "404", "409"]),
    );
    for (const code of ["400", "401", "403", "404", "409"]) {
      expect(operation?.responses[code]?.content?.["application/json"].schema.$ref).toBe(
        "#/components/schemas/ApiError",
      );
    }
    expect(resolve(operation?.responses[success]?.content?.["application/json"].schema.$ref)).toBeTruthy();
  });

  it.each(catalogue)("secures %s by its roles", (_, endpoint) => {
    const operation = doc.paths[openApiPath(endpoint.path)]?.[endpoint.method];
    const expected =
      endpoint.roles === null ? [] : endpoint.auth === "apiKey" ? [{ bearerAuth: [] }] : [{ cookieAuth: [] }];
    expect(operation?.security).toEqual(expected);
    expect(operation?.["x-roles"]).toEqual(endpoint.roles ?? []);
  });

  it("declares the session cookie", () => {
    expect(doc.components.securitySchemes.cookieAuth).toMatchObject({
      type: "apiKey",
      in: "cookie",
      name: "vigil_session",
    });
  });

  it("declares the ingest API key as a bearer scheme used by ingest alone", () => {
    expect(doc.components.securitySchemes.bearerAuth).toMatchObject({ type: "http", scheme: "bearer" });
    const bearer = catalogue.filter(([name]) => {
      const op = operationOf(name as keyof typeof endpoints);
      return JSON.stringify(op?.security).includes("bearerAuth");
    });
    expect(bearer.map(([name]) => name)).toEqual(["ingestVitals"]);
    expect(operationOf("ingestVitals")?.["x-roles"]).toEqual(["device"]);
  });

  it.each([
    ["recordVitals", ["id", "observedAt"]],
    ["recordObservation", ["id", "observedAt", "type"]],
    ["createSession", ["patientId", "chair", "weightKg", "doseMgPerKg", "plannedDurationMin"]],
    ["createPatient", ["mrn", "fullName", "dateOfBirth"]],
    ["login", ["username", "password"]],
    ["signDischarge", ["password", "meaningAccepted"]],
    ["changePhase", ["to"]],
  ] as const)("requires the body fields of %s", (name, fields) => {
    expect(operationOf(name)?.requestBody?.required).toBe(true);
    expect([...(bodyOf(name).required ?? [])].sort()).toEqual([...fields].sort());
  });

  it("describes request bodies by their input (source has a default, so it is optional)", () => {
    const body = bodyOf("recordVitals");
    expect(Object.keys(body.properties ?? {})).toEqual(
      expect.arrayContaining(["sbp", "dbp", "hr", "spo2", "rr", "source"]),
    );
    expect(body.properties?.sbp).toMatchObject({ type: "integer", minimum: 20, maximum: 300 });
    expect(body).toMatchObject({ additionalProperties: false });
  });

  it("turns :id into a required path parameter", () => {
    expect(Object.keys(doc.paths)).toContain("/api/sessions/{id}/vitals");
    expect(operationOf("recordVitals")?.parameters).toEqual([
      expect.objectContaining({ name: "id", in: "path", required: true }),
    ]);
  });

  it("lists query parameters with their defaults", () => {
    expect(operationOf("listSessions")?.parameters).toEqual([
      expect.objectContaining({
        name: "status",
        in: "query",
        required: false,
        schema: expect.objectContaining({ default: "active" }),
      }),
      expect.objectContaining({ name: "patientId", in: "query", required: false }),
    ]);
  });

  it("has no body on GET operations", () => {
    for (const [, endpoint] of catalogue.filter(([, e]) => e.method === "get")) {
      expect(doc.paths[openApiPath(endpoint.path)]?.get?.requestBody).toBeUndefined();
    }
  });

  it("resolves every $ref and carries no per-schema dialect markers", () => {
    const text = JSON.stringify(doc);
    for (const [, ref] of text.matchAll(/"\$ref":"([^"]+)"/g)) resolve(ref);
    expect(text).not.toContain('"$schema"');
    expect(text).not.toContain('"$id"');
  });

  it("names shared entities once", () => {
    expect(Object.keys(doc.components.schemas)).toEqual(
      expect.arrayContaining([
        "ApiError",
        "Patient",
        "InfusionSession",
        "VitalsReading",
        "Alert",
        "SessionDetail",
      ]),
    );
    expect(resolve("#/components/schemas/SessionDetail").properties?.session).toEqual({
      $ref: "#/components/schemas/InfusionSession",
    });
  });
});
