import { useEffect, useRef, useState, useSyncExternalStore } from "react";
import type { AlarmAudio } from "../../../lib/alarm-audio.ts";
import { formatElapsed } from "../../../lib/time.ts";
import { useNow } from "../../../lib/use-now.ts";
import {
  type AlarmMemory,
  initialMemory,
  isPaused,
  nextAlarm,
  pauseAudio,
  pauseRemainingMs,
  type SoundingAlert,
} from "./alarm-schedule.ts";

interface Props {
  audio: AlarmAudio;
  /** The alerts that should sound now (open, unacknowledged). */
  alerts: readonly SoundingAlert[];
}

/**
 * The header's alarm sound control, and the loop that plays the patterns. Browsers block audio
 * until a click, so it says "Sound off — click to enable" until the audio runs. Audio can be paused
 * for 2 min (it resumes by itself); it cannot be switched off for good.
 */
export function AlarmControl({ audio, alerts }: Props) {
  const running = useSyncExternalStore(
    (listener) => audio.subscribe(listener),
    () => audio.running,
    () => false,
  );
  const now = useNow();
  const [pausedUntil, setPausedUntil] = useState<number | null>(null);
  const memory = useRef<AlarmMemory>(initialMemory);
  const paused = isPaused(pausedUntil, now);

  useEffect(() => {
    // while the browser blocks audio nothing is heard: remember nothing, so it all sounds once enabled
    if (!running) return;
    const decision = nextAlarm(alerts, memory.current, now, pausedUntil);
    memory.current = decision.memory;
    if (decision.play) audio.play(decision.play);
  }, [audio, alerts, now, pausedUntil, running]);

  if (!audio.supported) {
    return (
      <div className="alarm-control">
        <span className="alarm-off">Sound unavailable in this browser</span>
      </div>
    );
  }
  if (!running) {
    return (
      <div className="alarm-control">
        <button type="button" className="button alarm-enable" onClick={() => void audio.enable()}>
          <span aria-hidden="true">✕ </span>Sound off — click to enable
        </button>
      </div>
    );
  }
  return (
    <div className="alarm-control">
      <span className="alarm-on">
        <span aria-hidden="true">♪ </span>Sound on
      </span>
      {paused ? (
        <>
          <span className="alarm-paused">
            Audio paused, resumes in{" "}
            <span className="elapsed">{formatElapsed(pauseRemainingMs(pausedUntil, now))}</span>
          </span>
          <button
            type="button"
            className="button"
            onClick={() => {
              // resuming sounds the current alarm at once, not at its next repeat
              memory.current = { ...memory.current, last: null };
              setPausedUntil(null);
            }}
          >
            Resume audio now
          </button>
        </>
      ) : (
        <button
          type="button"
          className="button"
          onClick={() => setPausedUntil((p) => pauseAudio(p, Date.now()))}
        >
          Pause audio 2 min
        </button>
      )}
    </div>
  );
}
