import { describe, expect, it } from "vitest";
import {
  ack,
  at,
  brief,
  infusingAtT0,
  monitor,
  observe,
  phase,
  run,
  sedation,
  T0,
  vitals,
} from "./test-support.ts";
import type { VitalValues } from "./types.ts";

describe("confirmation through the reducer", () => {
  const cases: [string, number, number, string[]][] = [
    [
      "previous 182 exactly 10 min earlier",
      10 * 60,
      181,
      ["0:00 raised sbp medium", "10:00 upgraded sbp high"],
    ],
    ["previous 182 10 min 1 s earlier", 10 * 60 + 1, 181, ["0:00 raised sbp medium"]],
    ["second reading below 180", 5 * 60, 179, ["0:00 raised sbp medium"]],
  ];
  it.each(cases)("%s", (_name, gapSeconds, second, expected) => {
    const { events } = run([
      vitals(T0, { sbp: 182, dbp: 90 }),
      ack(at(1), "sbp"),
      vitals(T0 + gapSeconds * 1000, { sbp: second, dbp: 90 }),
    ]);
    expect(brief(events, "sbp")).toEqual(expected);
  });

  it("dbp >= 110 twice within 10 min is high", () => {
    const { events } = run([
      vitals(T0, { sbp: 150, dbp: 112 }),
      ack(at(1), "dbp"),
      vitals(at(10), { sbp: 150, dbp: 110 }),
    ]);
    expect(brief(events, "dbp")).toEqual(["0:00 raised dbp medium", "10:00 upgraded dbp high"]);
    expect(events.at(-1)?.message).toBe("Diastolic BP 110 mmHg ≥ 110, confirmed by 112 mmHg 10 min earlier");
  });
});

describe("baseline", () => {
  const cases: [string, VitalValues[], number | undefined][] = [
    ["none", [], undefined],
    ["one reading", [{ sbp: 120, dbp: 80 }], 120],
    [
      "two readings",
      [
        { sbp: 120, dbp: 80 },
        { sbp: 130, dbp: 80 },
      ],
      125,
    ],
    ["three readings", [{ sbp: 120 }, { sbp: 130 }, { sbp: 140 }], 130],
    ["the last three of five", [{ sbp: 200 }, { sbp: 100 }, { sbp: 120 }, { sbp: 130 }, { sbp: 140 }], 130],
  ];
  it.each(cases)("%s", (_name, pre, expected) => {
    const { state } = run(infusingAtT0(pre));
    expect(state.baseline.sbp).toBe(expected);
  });

  it("applies baseline + 40 only with a baseline, and never changes once infusing", () => {
    const withBaseline = run([
      ...infusingAtT0([{ sbp: 120, dbp: 70 }]),
      vitals(at(5), { sbp: 160, dbp: 95 }),
    ]);
    expect(brief(withBaseline.events)).toEqual(["5:00 raised sbp medium", "5:00 raised dbp medium"]);
    const without = run([...infusingAtT0(), vitals(at(5), { sbp: 160, dbp: 95 })]);
    expect(brief(without.events)).toEqual([]);
    expect(withBaseline.state.baseline.sbp).toBe(120);
  });

  it("ignores readings taken after infusion started", () => {
    const { state } = run([
      ...infusingAtT0([{ sbp: 120 }]),
      vitals(at(1), { sbp: 150 }),
      phase(at(40), "recovery"),
    ]);
    expect(state.baseline.sbp).toBe(120);
  });
});

describe("persistence of monitor hr and spo2", () => {
  /** "seconds:spo2" monitor readings, e.g. "0:90 7:90". */
  const stream = (spec: string) =>
    spec.split(" ").map((pair) => {
      const [s, spo2] = pair.split(":").map(Number);
      return monitor(T0 + s! * 1000, { spo2: spo2! });
    });

  const cases: [string, string, string[]][] = [
    ["held 14 s, broken at 15 s", "0:90 7:90 14:90 15:93", []],
    ["held 15 s: the reading at 15 s raises", "0:90 5:90 10:90 15:90", ["0:15 raised spo2 medium"]],
    [
      "held 15 s: the timer raises at 15 s",
      "0:90 7:90 14:90 21:95",
      ["0:15 raised spo2 medium", "0:21 cleared spo2 medium"],
    ],
    [
      "a reading inside limits resets the run",
      "0:90 5:90 10:93 15:90 25:90 30:90",
      ["0:30 raised spo2 medium"],
    ],
    [
      "a reading meeting no level (92) resets the run",
      "0:90 10:92 20:90 30:90 35:90",
      ["0:35 raised spo2 medium"],
    ],
    ["a gap longer than 10 s resets the run", "0:90 11:90 20:90 26:90", ["0:26 raised spo2 medium"]],
    [
      "high after medium, each after its own 15 s",
      "0:90 5:87 10:87 15:87 20:87",
      ["0:15 raised spo2 medium", "0:20 upgraded spo2 high"],
    ],
  ];
  it.each(cases)("%s", (_name, spec, expected) => {
    expect(brief(run(stream(spec)).events)).toEqual(expected);
  });

  it("applies to monitor heart rate too, low side included", () => {
    const hr = (s: number, value: number) => monitor(T0 + s * 1000, { hr: value });
    const { events } = run([hr(0, 125), hr(5, 145), hr(10, 145), hr(15, 38), hr(20, 38), hr(30, 38)]);
    expect(brief(events)).toEqual(["0:15 raised hr medium", "0:20 upgraded hr high"]);
  });

  it("does not fire a run whose monitor went silent", () => {
    const { events } = run([monitor(T0, { hr: 150 }), vitals(at(1), { sbp: 120, dbp: 80 })]);
    expect(brief(events)).toEqual([]);
  });

  it("acts at once on manual hr/spo2 and on monitor BP and rr", () => {
    const { events } = run([vitals(T0, { hr: 145, spo2: 90 }), monitor(at(1), { sbp: 205, dbp: 90, rr: 7 })]);
    expect(brief(events)).toEqual([
      "0:00 raised hr high",
      "0:00 raised spo2 medium",
      "1:00 raised sbp high",
      "1:00 raised rr high",
    ]);
  });

  it("says how long it held", () => {
    const { events } = run(stream("0:87 5:87 10:87 15:87"));
    expect(events[0]?.message).toBe("SpO2 87% < 88 for 15 s");
  });
});

describe("one alert per parameter, priority only rises, hysteresis clears", () => {
  const cases: [string, VitalValues[], string[]][] = [
    [
      "medium then high upgrades",
      [{ hr: 125 }, { hr: 145 }],
      ["0:00 raised hr medium", "1:00 upgraded hr high"],
    ],
    ["a lower level keeps the open priority", [{ hr: 145 }, { hr: 125 }], ["0:00 raised hr high"]],
    ["the same level twice stays one alert", [{ hr: 125 }, { hr: 130 }], ["0:00 raised hr medium"]],
    ["within the margin does not clear", [{ hr: 125 }, { hr: 115 }], ["0:00 raised hr medium"]],
    [
      "beyond the margin clears",
      [{ hr: 125 }, { hr: 115 }, { hr: 114 }],
      ["0:00 raised hr medium", "2:00 cleared hr medium"],
    ],
    [
      "spo2 92 does not clear, 93 does",
      [{ spo2: 90 }, { spo2: 92 }, { spo2: 93 }],
      ["0:00 raised spo2 medium", "2:00 cleared spo2 medium"],
    ],
    [
      "rr 10 does not clear, 11 does",
      [{ rr: 9 }, { rr: 10 }, { rr: 11 }],
      ["0:00 raised rr medium", "2:00 cleared rr medium"],
    ],
    [
      "sbp 94 does not clear a low BP, 95 does",
      [{ sbp: 85 }, { sbp: 94 }, { sbp: 95 }],
      ["0:00 raised sbp medium", "2:00 cleared sbp medium"],
    ],
  ];
  it.each(cases)("%s", (_name, readings, expected) => {
    const { events } = run(readings.map((values, i) => vitals(at(i), values)));
    expect(brief(events)).toEqual(expected);
  });

  it("relative rises clear only below +35 / +20", () => {
    const pre = infusingAtT0([{ sbp: 120, dbp: 70 }]);
    const { events } = run([
      ...pre,
      vitals(at(1), { sbp: 160, dbp: 95 }),
      vitals(at(2), { sbp: 155, dbp: 90 }),
      vitals(at(3), { sbp: 154, dbp: 89 }),
    ]);
    expect(brief(events)).toEqual([
      "1:00 raised sbp medium",
      "1:00 raised dbp medium",
      "3:00 cleared sbp medium",
      "3:00 cleared dbp medium",
    ]);
  });

  it("MOAA/S clears on 4 or 5 only", () => {
    const { events } = run([sedation(T0, 2), sedation(at(1), 3), ack(at(2), "moaas"), sedation(at(3), 4)]);
    expect(brief(events)).toEqual([
      "0:00 raised moaas high",
      "1:00 escalated moaas high",
      "3:00 cleared moaas high",
    ]);
  });
});

describe("observations", () => {
  it("never clear by themselves and re-signal a new alerting observation", () => {
    const { events, state } = run([
      observe(T0, "nausea", "severe"),
      ack(at(1), "observation"),
      observe(at(2), "nausea", "moderate"),
      observe(at(3), "seizure", "mild"),
      observe(at(4), "vomiting", "severe"),
    ]);
    expect(brief(events)).toEqual([
      "0:00 raised observation medium",
      "3:00 upgraded observation high",
      "4:00 upgraded observation high",
    ]);
    expect(events.at(-1)).toMatchObject({ resignal: true });
    expect(events.at(-1)?.message).toBe(
      "Vomiting (severe) reported; earlier: Seizure (mild) reported; earlier: Nausea (severe) reported",
    );
    expect(state.alerts[0]?.acknowledged).toBeNull();
  });
});

describe("late entries", () => {
  it("never clear an alert raised by a newer reading", () => {
    const { events } = run([vitals(at(10), { hr: 145 }), ack(at(11), "hr"), vitals(at(5), { hr: 80 })]);
    expect(brief(events)).toEqual(["10:00 raised hr high"]);
  });

  it("may still raise (an alert is never dropped) and do not move the BP clock", () => {
    const { events, state } = run([
      ...infusingAtT0(),
      vitals(at(8), { sbp: 120, dbp: 80 }),
      vitals(at(6), { sbp: 205, dbp: 80 }),
    ]);
    expect(brief(events)).toEqual(["6:00 raised sbp high"]);
    expect(state.lastBpAt).toBe(at(8));
  });
});

describe("discharged", () => {
  it("does not evaluate readings or observations", () => {
    const { events } = run([
      phase(T0, "discharged"),
      vitals(at(1), { sbp: 220, dbp: 130, hr: 150, spo2: 80, rr: 5 }),
      monitor(at(2), { spo2: 80 }),
      sedation(at(3), 0),
      observe(at(4), "seizure", "severe"),
    ]);
    expect(events).toEqual([]);
  });
});
