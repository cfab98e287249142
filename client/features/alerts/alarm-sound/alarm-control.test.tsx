import { act, fireEvent, render, screen } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { AlarmAudio, alarmPatterns } from "../../../lib/alarm-audio.ts";
import { FakeAudioContext } from "../../../testing/fake-audio.ts";
import { AlarmControl } from "./alarm-control.tsx";
import type { SoundingAlert } from "./alarm-schedule.ts";

const high: SoundingAlert = { id: "h", priority: "high", escalated: false };
const burst = alarmPatterns.high.pulses.length;

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

function setup(alerts: SoundingAlert[] = [high]) {
  const context = new FakeAudioContext();
  const audio = new AlarmAudio(() => context);
  render(<AlarmControl audio={audio} alerts={alerts} />);
  return { context };
}

const tick = (ms: number) => act(() => vi.advanceTimersByTime(ms));
/** Lets the resumed audio context's promise settle (no findBy: its polling would wait on fake timers). */
const flush = () => act(async () => {});
const click = async (element: HTMLElement) => {
  fireEvent.click(element);
  await flush();
};

describe("AlarmControl", () => {
  it("says sound is off until clicked, then plays the high burst", async () => {
    const { context } = setup();
    expect(screen.getByRole("button", { name: "Sound off — click to enable" })).toBeInTheDocument();
    await tick(5_000);
    expect(context.pulses).toHaveLength(0);

    await click(screen.getByRole("button", { name: "Sound off — click to enable" }));
    await flush();
    expect(screen.getByText("Sound on")).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: /Sound off/ })).not.toBeInTheDocument();
    expect(context.pulses).toHaveLength(burst);
    expect(context.pulses.every((p) => p.frequency === 880)).toBe(true);
    await tick(10_000);
    expect(context.pulses).toHaveLength(2 * burst);
  });

  it("pauses audio for 2 min with a countdown, then resumes by itself", async () => {
    const { context } = setup();
    await click(screen.getByRole("button", { name: "Sound off — click to enable" }));
    await flush();
    await click(screen.getByRole("button", { name: "Pause audio 2 min" }));
    expect(screen.getByText(/Audio paused, resumes in/)).toHaveTextContent("2:00");
    const before = context.pulses.length;

    await tick(60_000);
    expect(screen.getByText(/Audio paused, resumes in/)).toHaveTextContent("1:00");
    expect(context.pulses).toHaveLength(before);

    await tick(60_000);
    expect(screen.queryByText(/Audio paused/)).not.toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Pause audio 2 min" })).toBeInTheDocument();
    expect(context.pulses).toHaveLength(before + burst);
  });

  it("can resume audio before the 2 min are up, and offers no permanent mute", async () => {
    const { context } = setup();
    await click(screen.getByRole("button", { name: "Sound off — click to enable" }));
    await flush();
    await click(screen.getByRole("button", { name: "Pause audio 2 min" }));
    const before = context.pulses.length;
    expect(screen.queryByRole("button", { name: /mute|off/i })).not.toBeInTheDocument();
    await click(screen.getByRole("button", { name: "Resume audio now" }));
    await tick(1_000);
    expect(context.pulses).toHaveLength(before + burst);
  });
});
