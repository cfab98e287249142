import type { AudioContextLike } from "../lib/alarm-audio.ts";

/** A stand-in for the Web Audio context: starts suspended, records each pulse started. */
export class FakeAudioContext implements AudioContextLike {
  state = "suspended";
  currentTime = 0;
  readonly destination = {};
  /** Frequency and start time of every pulse. */
  readonly pulses: { frequency: number; at: number }[] = [];
  private readonly listeners: (() => void)[] = [];

  async resume(): Promise<void> {
    this.state = "running";
    for (const l of this.listeners) l();
  }

  createOscillator() {
    const osc = {
      type: "sine" as OscillatorType,
      frequency: { value: 0 },
      connect: () => undefined,
      start: (when: number) => {
        this.pulses.push({ frequency: osc.frequency.value, at: when });
      },
      stop: () => undefined,
    };
    return osc;
  }

  createGain() {
    return {
      gain: { setValueAtTime: () => undefined, linearRampToValueAtTime: () => undefined },
      connect: () => undefined,
    };
  }

  addEventListener(_type: "statechange", listener: () => void): void {
    this.listeners.push(listener);
  }
}
