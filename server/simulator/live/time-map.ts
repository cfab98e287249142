/**
 * Simulated time onto the wall clock. A simulated session is planned to start at the wall-clock
 * instant it begins (`wallStartMs`, normally when the server created the session); `--speed X` makes
 * X simulated seconds pass per wall second, so the line the model places at simulated instant s is
 * sent, and stamped (observedAt), at wallStartMs + (s − simStartMs) / X. The server stores and
 * evaluates wall times: a 110-min session at --speed 10 is stored as an 11-min session.
 */
export class TimeMap {
  constructor(
    readonly simStartMs: number,
    readonly wallStartMs: number,
    readonly speed: number,
  ) {}

  /** The simulated instant reached at a wall-clock instant. */
  simAt(wallMs: number): number {
    return this.simStartMs + (wallMs - this.wallStartMs) * this.speed;
  }

  /** The wall-clock instant (observedAt) of a simulated instant, rounded to the millisecond. */
  wallAt(simMs: number): number {
    return Math.round(this.wallStartMs + (simMs - this.simStartMs) / this.speed);
  }
}
