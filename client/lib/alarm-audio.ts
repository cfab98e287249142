/**
 * Alarm tones synthesized with Web Audio (no audio files), in the spirit of IEC 60601-1-8:
 * high = a burst of 10 pulses (3 + 2, pause, 3 + 2), medium = 3 pulses, low = 2 softer pulses.
 * Thin on purpose: which pattern plays when is decided by the pure scheduler.
 */

export type AlarmPattern = "high" | "medium" | "low";

interface Pulse {
  /** Seconds from the start of the pattern. */
  at: number;
  duration: number;
  frequency: number;
}

const pulses = (starts: number[], duration: number, frequency: number): Pulse[] =>
  starts.map((at) => ({ at, duration, frequency }));

export const alarmPatterns: Record<AlarmPattern, { pulses: Pulse[]; volume: number }> = {
  high: {
    pulses: pulses([0, 0.25, 0.5, 0.9, 1.15, 2.15, 2.4, 2.65, 3.05, 3.3], 0.15, 880),
    volume: 0.3,
  },
  medium: { pulses: pulses([0, 0.3, 0.6], 0.2, 660), volume: 0.22 },
  low: { pulses: pulses([0, 0.4], 0.25, 523), volume: 0.15 },
};

/** The part of the Web Audio API the alarm uses: tests inject a fake. */
export interface AudioContextLike {
  readonly state: string;
  readonly currentTime: number;
  readonly destination: unknown;
  resume(): Promise<void>;
  createOscillator(): {
    type: OscillatorType;
    frequency: { value: number };
    connect(node: never): unknown;
    start(when: number): void;
    stop(when: number): void;
  };
  createGain(): {
    gain: {
      setValueAtTime(value: number, when: number): unknown;
      linearRampToValueAtTime(value: number, when: number): unknown;
    };
    connect(node: never): unknown;
  };
  addEventListener(type: "statechange", listener: () => void): void;
}

export class AlarmAudio {
  private context: AudioContextLike | null = null;
  private readonly listeners = new Set<() => void>();

  constructor(private readonly create: (() => AudioContextLike) | null) {}

  get supported(): boolean {
    return this.create !== null;
  }

  /** Browsers start the context suspended until a user gesture (unless the page already had one). */
  get running(): boolean {
    return this.ensure()?.state === "running";
  }

  /** Call from a click: resumes the context, so later alarms can sound. */
  async enable(): Promise<void> {
    await this.ensure()?.resume();
    this.notify();
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  play(pattern: AlarmPattern): void {
    const ctx = this.ensure();
    if (ctx?.state !== "running") return;
    const { pulses: list, volume } = alarmPatterns[pattern];
    const start = ctx.currentTime + 0.05;
    for (const p of list) {
      const osc = ctx.createOscillator();
      const gain = ctx.createGain();
      // a triangle wave carries the harmonics that make a tone easy to localise
      osc.type = "triangle";
      osc.frequency.value = p.frequency;
      const t = start + p.at;
      gain.gain.setValueAtTime(0, t);
      gain.gain.linearRampToValueAtTime(volume, t + 0.015);
      gain.gain.setValueAtTime(volume, t + p.duration - 0.03);
      gain.gain.linearRampToValueAtTime(0, t + p.duration);
      osc.connect(gain as never);
      gain.connect(ctx.destination as never);
      osc.start(t);
      osc.stop(t + p.duration + 0.01);
    }
  }

  private ensure(): AudioContextLike | null {
    if (!this.context && this.create) {
      this.context = this.create();
      this.context.addEventListener("statechange", () => this.notify());
    }
    return this.context;
  }

  private notify() {
    for (const l of this.listeners) l();
  }
}

let shared: AlarmAudio | undefined;

/** The app's one alarm audio; unsupported (silent, says so) where there is no Web Audio. */
export function getAlarmAudio(): AlarmAudio {
  shared ??= new AlarmAudio(typeof AudioContext === "function" ? () => new AudioContext() : null);
  return shared;
}
