import { pathFor } from "../../../shared/api/endpoint.ts";
import { endpoints } from "../../../shared/api/endpoints.ts";
import { type Answer, cookieOf, describeRefusal, SimHttp } from "./http.ts";
import type { Credentials, LiveOptions } from "./options.ts";

/**
 * The simulator as a client of the public API: a nurse's login for sessions, phases, manual BP and
 * observations; a physician's login to sign the discharge at the end (optional); an ingest API key
 * (given, or created with an admin login and revoked at the end) for the monitor readings.
 */
export class ClinicClient {
  private nurseCookie = "";
  private physicianCookie: string | undefined;
  private apiKey = "";
  /** Set when this run created its own key, so it can revoke it when done. */
  private createdKey: { id: string; adminCookie: string } | undefined;

  constructor(
    readonly http: SimHttp,
    private readonly options: Pick<LiveOptions, "apiKey" | "admin" | "nurse" | "physician">,
  ) {}

  static for(options: LiveOptions): ClinicClient {
    return new ClinicClient(new SimHttp(options.url), options);
  }

  private async login(who: string, creds: Credentials): Promise<string> {
    const res = await this.http.request("POST", endpoints.login.path, creds);
    const cookie = cookieOf(res.headers);
    if (res.status !== 200 || !cookie) {
      throw new Error(`cannot log in as ${who} "${creds.username}": ${describeRefusal(res)}`);
    }
    return cookie;
  }

  /** Logs in and obtains the ingest key; throws a readable error when it cannot. */
  async connect(warn: (line: string) => void): Promise<void> {
    this.nurseCookie = await this.login("nurse", this.options.nurse);
    try {
      this.physicianCookie = await this.login("physician", this.options.physician);
    } catch (error) {
      warn(`simulate: ${(error as Error).message}; sessions will be left in recovery, not discharged`);
    }
    if (this.options.apiKey) {
      this.apiKey = this.options.apiKey;
      return;
    }
    const adminCookie = await this.login("admin", this.options.admin);
    const label = `Simulator ${new Date().toISOString().slice(0, 19)}Z`;
    const res = await this.http.request(
      "POST",
      endpoints.createApiKey.path,
      { label },
      { cookie: adminCookie },
    );
    if (res.status !== 201) throw new Error(`cannot create an ingest API key: ${describeRefusal(res)}`);
    this.apiKey = res.body.secret;
    this.createdKey = { id: res.body.apiKey.id, adminCookie };
  }

  /** Revokes the key this run created (a simulator leaves no live credential behind). */
  async disconnect(): Promise<void> {
    if (!this.createdKey) return;
    const path = pathFor(endpoints.revokeApiKey.path, { id: this.createdKey.id });
    await this.http.request("POST", path, {}, { cookie: this.createdKey.adminCookie }).catch(() => undefined);
    this.createdKey = undefined;
  }

  get canDischarge(): boolean {
    return this.physicianCookie !== undefined;
  }

  private asNurse(path: string, body: unknown): Promise<Answer> {
    return this.http.request("POST", path, body, { cookie: this.nurseCookie });
  }

  activeSessions(): Promise<Answer> {
    return this.http.request("GET", endpoints.listSessions.path, undefined, { cookie: this.nurseCookie });
  }

  createPatient(body: unknown): Promise<Answer> {
    return this.asNurse(endpoints.createPatient.path, body);
  }

  createSession(body: unknown): Promise<Answer> {
    return this.asNurse(endpoints.createSession.path, body);
  }

  changePhase(sessionId: string, to: string): Promise<Answer> {
    return this.asNurse(pathFor(endpoints.changePhase.path, { id: sessionId }), { to });
  }

  recordVitals(sessionId: string, body: unknown): Promise<Answer> {
    return this.asNurse(pathFor(endpoints.recordVitals.path, { id: sessionId }), body);
  }

  recordObservation(sessionId: string, body: unknown): Promise<Answer> {
    return this.asNurse(pathFor(endpoints.recordObservation.path, { id: sessionId }), body);
  }

  ingest(chair: string, body: unknown): Promise<Answer> {
    return this.http.request("POST", pathFor(endpoints.ingestVitals.path, { chair }), body, {
      authorization: `Bearer ${this.apiKey}`,
    });
  }

  async signDischarge(sessionId: string): Promise<Answer> {
    // The simulated physician overrides whatever is unmet, with a reason, as a real one could.
    const readiness = await this.http.request(
      "GET",
      pathFor(endpoints.getDischargeReadiness.path, { id: sessionId }),
      undefined,
      { cookie: this.physicianCookie ?? "" },
    );
    const unmet: string[] = (readiness.body?.unmet ?? []).map((c: { id: string }) => c.id);
    const reason = "Simulated session: discharged by the simulator.";
    const body = {
      password: this.options.physician.password,
      meaningAccepted: true,
      note: reason,
      overrides: unmet.map((criterionId) => ({ criterionId, reason })),
    };
    return this.http.request("POST", pathFor(endpoints.signDischarge.path, { id: sessionId }), body, {
      cookie: this.physicianCookie ?? "",
    });
  }
}
