import querystring from "node:querystring";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import type { Endpoint } from "../../shared/api/endpoint.ts";
import { pathFor } from "../../shared/api/endpoint.ts";
import { junkQuery, mutatedBody, notUuid, runs } from "../support/arbitraries.ts";
import { dbFingerprint } from "../support/db-fingerprint.ts";
import { endpointEntries, urlOf, validRequestFor } from "../support/endpoint-requests.ts";
import { fuzzServer } from "../support/fuzz-server.ts";
import { fuzzTally } from "../support/fuzz-summary.ts";
import { buildWorld, type World } from "../support/fuzz-world.ts";
import { type Caller, clearErrorProblem, jsonRequest, type RawResponse } from "../support/raw-request.ts";

/**
 * Every endpoint of the table, called by a role it allows, with payloads generated around its valid
 * request. The endpoint's own schema is the oracle: what it refuses must come back 400 with issues;
 * nothing may come back 5xx; and a refused request leaves every table as it was.
 */
const tally = fuzzTally("fuzz-bodies");

const fuzz = fuzzServer({
  allowed: true,
  beforeClose: () => tally.write({ endpoints: endpointEntries.length }),
});

const fingerprint = () => dbFingerprint(fuzz.server.server.ctx.db);

/** The database as the last request left it: a refused request must leave it exactly so. */
let lastPrint: Record<string, string> = {};

/** Sends one request and checks the rules every answer must keep. */
async function checked(
  endpoint: Endpoint,
  caller: Caller,
  url: string,
  body: unknown,
  schemaAccepts: boolean,
  refusedStatuses: number[] = [400],
): Promise<RawResponse> {
  const res = await jsonRequest(fuzz.server.url, endpoint.method, url, caller, body);
  const where = `${endpoint.method.toUpperCase()} ${url} ${JSON.stringify(body)?.slice(0, 300)}`;
  expect(res.status, `${where} -> ${res.text.slice(0, 300)}`).toBeLessThan(500);
  if (!schemaAccepts) {
    // A rate limiter in front of the schema (failed logins per address) may answer first.
    expect([...refusedStatuses, 429], `${where} -> ${res.status} ${res.text.slice(0, 300)}`).toContain(
      res.status,
    );
    // A body that is not an object or array is refused by the JSON parser, before the schema names fields.
    const parserRefusal = typeof body !== "object" || body === null;
    if (res.status === 400 && !parserRefusal) expect(res.json.error.issues?.length, where).toBeGreaterThan(0);
  }
  const print = await fingerprint();
  if (res.status >= 400) {
    expect(clearErrorProblem(res), where).toBeNull();
    // A failed login may count the attempt; every other refusal stores nothing.
    if (res.status !== 401) expect(print, `${where} changed the database`).toEqual(lastPrint);
  } else {
    expect(res.contentType, where).toMatch(/application\/([a-z]+\+)?json/);
  }
  lastPrint = print;
  return res;
}

describe.each(endpointEntries)("%s", (name, endpoint) => {
  const label = `${endpoint.method.toUpperCase()} ${endpoint.path}`;
  let world: World;
  beforeAll(async () => {
    world = await buildWorld(fuzz.server.url, fuzz.callers);
    lastPrint = await fingerprint();
  });

  if (endpoint.method === "post")
    it(`${label}: malformed and mutated bodies`, async () => {
      const caller = fuzz.allowed[name];
      const valid = validRequestFor(name, world);
      await fc.assert(
        fc.asyncProperty(mutatedBody(valid.body ?? {}), async (payload) => {
          tally.add("bodies");
          const accepts = endpoint.body ? endpoint.body.safeParse(payload).success : true;
          await checked(endpoint, caller, urlOf(endpoint, valid), payload, accepts);
        }),
        runs(endpoint.body ? 14 : 4),
      );
    });

  if (endpoint.params !== undefined)
    it(`${label}: path parameters that are not valid`, async () => {
      const caller = fuzz.allowed[name];
      const valid = validRequestFor(name, world);
      const keys = Object.keys(valid.params ?? {});
      await fc.assert(
        fc.asyncProperty(fc.constantFrom(...keys), notUuid, async (key, value) => {
          tally.add("params");
          const params = { ...valid.params, [key]: value };
          const accepts = endpoint.params!.safeParse(params).success;
          const url = urlOf(endpoint, { ...valid, params });
          // "." and ".." segments are resolved by the URL parser and land on another route: 404 is right.
          await checked(endpoint, caller, url, valid.body, accepts, [400, 404]);
        }),
        runs(6),
      );
    });

  if (endpoint.method === "get")
    it(`${label}: junk query strings`, async () => {
      const caller = fuzz.allowed[name];
      const valid = validRequestFor(name, world);
      await fc.assert(
        fc.asyncProperty(junkQuery, async (pairs) => {
          tally.add("queries");
          const query = new URLSearchParams(pairs).toString();
          const parsed = querystring.parse(query);
          const accepts = endpoint.query ? endpoint.query.safeParse(parsed).success : true;
          const url = `${pathFor(endpoint.path, valid.params)}?${query}`;
          await checked(endpoint, caller, url, undefined, accepts);
        }),
        runs(endpoint.query ? 12 : 3),
      );
    });
});
