/** What the simulator sent and what the server made of it; nothing refused goes uncounted. */

export const sendKinds = ["ingest", "manualVitals", "observation", "phase", "discharge", "setup"] as const;
export type SendKind = (typeof sendKinds)[number];

interface Counts {
  sent: number;
  accepted: number;
  refused: number;
}

export class SimStats {
  sent = 0;
  accepted = 0;
  /** Accepted with 200: the server already had this id (a retry or an overlap). */
  duplicates = 0;
  refused = 0;
  /** Requests resent after a network error (same body, same client id). */
  retried = 0;
  /** Requests that got no answer even after retrying (also counted in refused). */
  networkFailures = 0;
  sessionsStarted = 0;
  sessionsDischarged = 0;
  readonly byKind: Record<SendKind, Counts> = Object.fromEntries(
    sendKinds.map((k) => [k, { sent: 0, accepted: 0, refused: 0 }]),
  ) as Record<SendKind, Counts>;

  record(kind: SendKind, outcome: "accepted" | "duplicate" | "refused" | "network", retries: number): void {
    this.sent++;
    this.byKind[kind].sent++;
    this.retried += retries;
    if (outcome === "accepted" || outcome === "duplicate") {
      this.accepted++;
      this.byKind[kind].accepted++;
      if (outcome === "duplicate") this.duplicates++;
    } else {
      this.refused++;
      this.byKind[kind].refused++;
      if (outcome === "network") this.networkFailures++;
    }
  }

  statusLine(elapsedMs: number, activeChairs: number, chairs: number): string {
    const seconds = Math.max(elapsedMs / 1000, 0.001);
    return (
      `simulate: ${Math.round(seconds)}s  chairs ${activeChairs}/${chairs} active  ` +
      `sent ${this.sent} (${Math.round(this.sent / seconds)}/s)  accepted ${this.accepted}  ` +
      `refused ${this.refused}  retried ${this.retried}  sessions ${this.sessionsStarted}`
    );
  }

  summary(extra: Record<string, unknown>) {
    return {
      sent: this.sent,
      accepted: this.accepted,
      duplicates: this.duplicates,
      refused: this.refused,
      retried: this.retried,
      networkFailures: this.networkFailures,
      sessionsStarted: this.sessionsStarted,
      sessionsDischarged: this.sessionsDischarged,
      byKind: this.byKind,
      ...extra,
    };
  }
}
