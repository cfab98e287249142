import type { Phase } from "../../../shared/schemas/session.ts";
import { SessionStream } from "../model/events.ts";
import { hash32 } from "../model/random.ts";
import type { ScenarioName } from "../model/scenarios.ts";
import type { SimReplayLine } from "../replay-line.ts";
import type { ClinicClient } from "./clinic-client.ts";
import { type Answer, describeRefusal, NetworkError } from "./http.ts";
import { lineId } from "./line-id.ts";
import type { SendKind, SimStats } from "./stats.ts";
import { TimeMap } from "./time-map.ts";

/** One simulated chair: a session planned by the model, streamed through the public API in time. */

export interface ChairSpec {
  chair: string;
  scenario: ScenarioName;
  seed: number;
}

export interface ChairDeps {
  client: ClinicClient;
  stats: SimStats;
  err: (line: string) => void;
  rateHz: number;
  speed: number;
  loop: boolean;
  /** false once the run is stopping (signal, --max-events, --duration). */
  mayContinue: () => boolean;
}

const ATTACH_OVERLAP_MS = 3 * 60_000;
const phaseRank: Record<Phase, number> = { pre_infusion: 0, infusing: 1, recovery: 2, discharged: 3 };
const firstNames = [
  "Ana",
  "Ben",
  "Chloe",
  "Dev",
  "Elena",
  "Farid",
  "Grace",
  "Hugo",
  "Ines",
  "Jon",
  "Kemi",
  "Liam",
];
const lastNames = [
  "Adler",
  "Baptiste",
  "Costa",
  "Dahl",
  "Eze",
  "Fischer",
  "Gallo",
  "Haas",
  "Iqbal",
  "Jensen",
];

export class ChairRunner {
  private cycle = 0;
  private stream: SessionStream | undefined;
  private map: TimeMap | undefined;
  private sessionId = "";
  private phase: Phase = "pre_infusion";
  done = false;

  constructor(
    readonly spec: ChairSpec,
    private readonly deps: ChairDeps,
  ) {}

  private get seed(): number {
    return this.cycle === 0 ? this.spec.seed : hash32(this.spec.seed, this.cycle);
  }

  private plan(startMs: number): SessionStream {
    const { scenario } = this.spec;
    const monitor = { rateHz: this.deps.rateHz };
    return new SessionStream({ seed: this.seed, scenario, start: new Date(startMs).toISOString(), monitor });
  }

  /** Continues a session someone else started (the demo seeder), from where its timeline is now. */
  attach(session: { id: string; createdAt: string; phase: Phase }, wallNow: number): void {
    const start = Date.parse(session.createdAt);
    this.stream = this.plan(start);
    this.map = new TimeMap(start, start, this.deps.speed);
    this.sessionId = session.id;
    this.phase = session.phase;
    // The last minutes are sent again (the seeder thinned them): ids derive from the line, so lines
    // the server already has are answered as duplicates, never stored twice.
    this.stream.advanceTo(this.map.simAt(wallNow - ATTACH_OVERLAP_MS));
    this.deps.stats.sessionsStarted++;
  }

  /** Registers a patient and starts a session in the chair (the server stamps its start). */
  async start(): Promise<boolean> {
    const stream = this.plan(Date.now());
    const patient = stream.plan.physiology.patient;
    const name = `${firstNames[this.seed % firstNames.length]} ${lastNames[(this.seed >>> 8) % lastNames.length]}`;
    const born = new Date().getUTCFullYear() - patient.age;
    const created = await this.send("setup", () =>
      this.deps.client.createPatient({
        mrn: `SIM-${crypto.randomUUID().slice(0, 8).toUpperCase()}`,
        fullName: `${name} (simulated)`,
        dateOfBirth: `${born}-06-15`,
        weightKg: patient.weightKg,
      }),
    );
    if (!created) return false;
    const session = await this.send("setup", () =>
      this.deps.client.createSession({
        patientId: created.body.id,
        chair: this.spec.chair,
        weightKg: patient.weightKg,
        doseMgPerKg: 0.5,
        plannedDurationMin: stream.plan.config.timing.infusionMin,
      }),
    );
    if (!session) return false;
    const start = Date.parse(session.body.createdAt);
    this.stream = this.plan(start);
    this.map = new TimeMap(start, start, this.deps.speed);
    this.sessionId = session.body.id;
    this.phase = "pre_infusion";
    this.deps.stats.sessionsStarted++;
    return true;
  }

  /** Sends, in order, every line due by now; starts the next session when this one ended (--loop). */
  async pump(wallNow: number): Promise<void> {
    if (this.done || !this.stream || !this.map) return;
    for (const line of this.stream.advanceTo(this.map.simAt(wallNow))) {
      if (!this.deps.mayContinue()) return;
      await this.dispatch(line);
      if (this.phase === "discharged") break;
    }
    if (this.phase === "discharged" || this.stream.done) await this.endSession();
  }

  private async endSession(): Promise<void> {
    if (this.phase !== "discharged") {
      this.deps.err(`simulate: chair ${this.spec.chair}: session ${this.sessionId} left in ${this.phase}`);
    }
    if (!this.deps.loop || this.phase !== "discharged" || !this.deps.mayContinue()) {
      this.done = true;
      return;
    }
    this.cycle++;
    if (!(await this.start())) this.done = true;
  }

  private observedAt(line: SimReplayLine): string {
    return new Date(this.map!.wallAt(Date.parse(line.t))).toISOString();
  }

  private async dispatch(line: SimReplayLine): Promise<void> {
    const { client } = this.deps;
    const id = lineId(this.sessionId, line);
    const observedAt = this.observedAt(line);
    if (line.kind === "phase") {
      if (phaseRank[line.phase] <= phaseRank[this.phase]) return;
      if (line.phase === "discharged") {
        if (!client.canDischarge) return;
        if (await this.send("discharge", () => client.signDischarge(this.sessionId))) {
          this.phase = "discharged";
          this.deps.stats.sessionsDischarged++;
        }
        return;
      }
      if (await this.send("phase", () => client.changePhase(this.sessionId, line.phase)))
        this.phase = line.phase;
      return;
    }
    if (line.kind === "vitals") {
      const { kind: _k, t: _t, ...values } = line;
      const body = { id, observedAt, ...values };
      if (line.source === "monitor") await this.send("ingest", () => client.ingest(this.spec.chair, body));
      else await this.send("manualVitals", () => client.recordVitals(this.sessionId, body));
      return;
    }
    const { kind: _k, t: _t, ...observation } = line;
    await this.send("observation", () =>
      client.recordObservation(this.sessionId, { id, observedAt, ...observation }),
    );
  }

  /** One request, counted; a refusal is reported on stderr with the server's status and message. */
  private async send(kind: SendKind, call: () => Promise<Answer>): Promise<Answer | null> {
    const { stats, err } = this.deps;
    try {
      const answer = await call();
      if (answer.status >= 200 && answer.status < 300) {
        stats.record(kind, answer.body?.created === false ? "duplicate" : "accepted", answer.retries);
        return answer;
      }
      stats.record(kind, "refused", answer.retries);
      err(`simulate: chair ${this.spec.chair}: ${kind} refused: ${describeRefusal(answer)}`);
    } catch (error) {
      if (!(error instanceof NetworkError)) throw error;
      stats.record(kind, "network", error.retries);
      err(
        `simulate: chair ${this.spec.chair}: ${kind} failed after ${error.retries} retries: ${error.message}`,
      );
    }
    return null;
  }
}
