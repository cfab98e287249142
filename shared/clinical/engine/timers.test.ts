import { describe, expect, it } from "vitest";
import type { Phase } from "../../schemas/session.ts";
import { defaultProfile } from "./profile.ts";
import { initialState } from "./state.ts";
import { advanceTo } from "./step.ts";
import {
  ack,
  at,
  brief,
  clock,
  infusingAtT0,
  monitor,
  phase,
  run,
  T0,
  tick,
  vitals,
} from "./test-support.ts";
import { nextDueAt } from "./timers.ts";
import type { EngineInput } from "./types.ts";

const bp = (t: number) => vitals(t, { sbp: 120, dbp: 80 });

describe("overdue BP", () => {
  const cases: [string, EngineInput[], string[]][] = [
    ["nothing is due before infusion", [phase(T0, "pre_infusion"), tick(at(60))], []],
    ["infusing: 11:59 is not yet late", [phase(T0, "infusing"), tick(at(11, 59))], []],
    ["infusing: low at 10 + 2 min", [phase(T0, "infusing"), tick(at(12))], ["12:00 raised overdue low"]],
    [
      "infusing: medium at 10 + 5 min",
      [phase(T0, "infusing"), tick(at(15))],
      ["12:00 raised overdue low", "15:00 upgraded overdue medium"],
    ],
    [
      "infusing: due from the later of phase start and last BP",
      [phase(T0, "infusing"), bp(at(7)), tick(at(19)), tick(at(22))],
      ["19:00 raised overdue low", "22:00 upgraded overdue medium"],
    ],
    ["a BP exactly at the low time prevents it", [phase(T0, "infusing"), bp(at(12)), tick(at(23, 59))], []],
    [
      "cleared by a BP reading",
      [phase(T0, "infusing"), tick(at(13)), bp(at(13, 30))],
      ["12:00 raised overdue low", "13:30 cleared overdue low"],
    ],
    [
      "recovery: 15 + 2 min",
      [phase(T0, "recovery"), tick(at(16, 59)), tick(at(17))],
      ["17:00 raised overdue low"],
    ],
    [
      "recovery: 15 + 5 min",
      [phase(T0, "recovery"), tick(at(20))],
      ["17:00 raised overdue low", "20:00 upgraded overdue medium"],
    ],
    ["nothing is due once discharged", [phase(T0, "discharged"), tick(at(60))], []],
    [
      "a phase change restarts the clock and clears it",
      [phase(T0, "infusing"), tick(at(13)), phase(at(14), "recovery"), tick(at(30, 59)), tick(at(31))],
      ["12:00 raised overdue low", "14:00 cleared overdue low", "31:00 raised overdue low"],
    ],
    [
      "a late BP does not move the clock",
      [phase(T0, "infusing"), bp(at(5)), bp(at(3)), tick(at(17))],
      ["17:00 raised overdue low"],
    ],
  ];
  it.each(cases)("%s", (_name, inputs, expected) => {
    expect(brief(run(inputs).events, "overdue")).toEqual(expected);
  });
});

describe("stale monitor stream", () => {
  const cases: [string, EngineInput[], string[]][] = [
    ["never without monitor readings", [phase(T0, "infusing"), bp(at(1)), tick(at(5))], []],
    ["59 s of silence is fine", [phase(T0, "infusing"), monitor(at(1), { hr: 70 }), tick(at(1, 59))], []],
    [
      "60 s of silence while infusing raises medium",
      [phase(T0, "infusing"), monitor(at(1), { hr: 70 }), tick(at(2))],
      ["2:00 raised stale medium"],
    ],
    [
      "the next monitor reading clears it, a manual one does not",
      [
        phase(T0, "infusing"),
        monitor(at(1), { hr: 70 }),
        vitals(at(3), { hr: 70 }),
        monitor(at(4), { spo2: 97 }),
      ],
      ["2:00 raised stale medium", "4:00 cleared stale medium"],
    ],
    ["not before infusion", [monitor(at(1), { hr: 70 }), tick(at(9))], []],
    [
      "the watch starts with infusion, not with the last pre-infusion reading",
      [monitor(at(-5), { hr: 70 }), phase(T0, "infusing"), tick(at(0, 59)), tick(at(1))],
      ["1:00 raised stale medium"],
    ],
    [
      "continues into recovery and ends at discharge",
      [
        phase(T0, "infusing"),
        monitor(T0, { hr: 70 }),
        phase(at(0, 30), "recovery"),
        tick(at(2)),
        phase(at(3), "discharged"),
      ],
      ["1:00 raised stale medium", "3:00 cleared stale medium"],
    ],
  ];
  it.each(cases)("%s", (_name, inputs, expected) => {
    expect(brief(run(inputs).events, "stale")).toEqual(expected);
  });
});

describe("escalation", () => {
  const cases: [string, EngineInput[], string[]][] = [
    [
      "high, unacknowledged, at 60 s",
      [vitals(T0, { hr: 150 }), tick(at(0, 59)), tick(at(1))],
      ["1:00 escalated hr high"],
    ],
    ["high, acknowledged at 59 s", [vitals(T0, { hr: 150 }), ack(at(0, 59), "hr"), tick(at(10))], []],
    ["high, acknowledged exactly at 60 s", [vitals(T0, { hr: 150 }), ack(at(1), "hr"), tick(at(10))], []],
    [
      "medium, unacknowledged, at 5 min",
      [vitals(T0, { hr: 125 }), tick(at(4, 59)), tick(at(5))],
      ["5:00 escalated hr medium"],
    ],
    ["medium, acknowledged", [vitals(T0, { hr: 125 }), ack(at(4), "hr"), tick(at(30))], []],
    [
      "an upgrade restarts it from the new priority",
      [vitals(T0, { hr: 125 }), ack(at(1), "hr"), vitals(at(2), { hr: 150 }), tick(at(10))],
      ["3:00 escalated hr high"],
    ],
    ["low never escalates", [phase(T0, "infusing"), tick(at(14, 59))], []],
    [
      "overdue medium escalates after 5 min",
      [phase(T0, "infusing"), tick(at(20))],
      ["20:00 escalated overdue medium"],
    ],
  ];
  it.each(cases)("%s", (_name, inputs, expected) => {
    expect(brief(run(inputs).events).filter((e) => e.includes("escalated"))).toEqual(expected);
  });
});

describe("latching of high alerts", () => {
  it("keeps an unacknowledged high alert after its condition clears, then clears on acknowledgement", () => {
    const { events, state } = run([
      vitals(T0, { sbp: 205, dbp: 90 }),
      vitals(at(0, 30), { sbp: 130, dbp: 80 }),
    ]);
    expect(brief(events)).toEqual(["0:00 raised sbp high"]);
    expect(state.alerts[0]).toMatchObject({ parameter: "sbp", conditionCleared: true });
    const acked = run([ack(at(2), "sbp", "dr.okafor")], defaultProfile, state);
    expect(brief(acked.events)).toEqual(["1:00 escalated sbp high", "2:00 cleared sbp high"]);
  });

  it("acknowledged first, it clears on the next clearing reading", () => {
    const { events } = run([
      vitals(T0, { sbp: 205, dbp: 90 }),
      ack(at(0, 20), "sbp"),
      vitals(at(1), { sbp: 161, dbp: 80 }),
      vitals(at(2), { sbp: 150, dbp: 80 }),
    ]);
    expect(brief(events)).toEqual(["0:00 raised sbp high", "2:00 cleared sbp high"]);
  });

  it("is no longer latched-cleared when the condition returns", () => {
    const { events } = run([
      vitals(T0, { hr: 150 }),
      vitals(at(0, 10), { hr: 80 }),
      vitals(at(0, 20), { hr: 130 }),
      ack(at(0, 30), "hr"),
    ]);
    expect(brief(events)).toEqual(["0:00 raised hr high"]);
  });

  it("medium alerts do not latch", () => {
    const { events } = run([vitals(T0, { hr: 125 }), vitals(at(1), { hr: 80 })]);
    expect(brief(events)).toEqual(["0:00 raised hr medium", "1:00 cleared hr medium"]);
  });
});

describe("nextDueAt and advanceTo", () => {
  const due = (inputs: EngineInput[]) => {
    const t = nextDueAt(run(inputs).state, defaultProfile);
    return t === null ? null : clock(t);
  };
  const cases: [string, EngineInput[], string | null][] = [
    ["a new session", [], null],
    ["pre-infusion with readings", [vitals(T0, { sbp: 120, dbp: 80, hr: 70 })], null],
    ["infusing: the overdue low time", [phase(T0, "infusing")], "12:00"],
    ["after a BP", [phase(T0, "infusing"), bp(at(4))], "16:00"],
    ["overdue low: its medium time", [phase(T0, "infusing"), tick(at(12))], "15:00"],
    ["a monitor stream: the stale time", [phase(T0, "infusing"), monitor(at(1), { hr: 70 })], "2:00"],
    [
      "a persistence run: its confirmation time",
      [monitor(T0, { spo2: 90 }), monitor(at(0, 5), { spo2: 90 })],
      "0:15",
    ],
    ["a run whose monitor went quiet (> 10 s at the due time): nothing", [monitor(T0, { spo2: 90 })], null],
    ["an unacknowledged high: its escalation", [vitals(at(3), { hr: 150 })], "4:00"],
    ["acknowledged: nothing", [vitals(at(3), { hr: 150 }), ack(at(3, 10), "hr")], null],
    ["discharged", [phase(T0, "infusing"), monitor(T0, { hr: 70 }), phase(at(1), "discharged")], null],
  ];
  it.each(cases)("%s -> %s", (_name, inputs, expected) => {
    expect(due(inputs)).toBe(expected);
  });

  it("fires everything due up to and including t, in time order, stamped with its due time", () => {
    const start = run([phase(T0, "infusing"), monitor(T0, { hr: 70 })]).state;
    const { events, state } = advanceTo(start, at(20), defaultProfile);
    expect(brief(events)).toEqual([
      "1:00 raised stale medium",
      "6:00 escalated stale medium",
      "12:00 raised overdue low",
      "15:00 upgraded overdue medium",
      "20:00 escalated overdue medium",
    ]);
    expect(events.map((e) => e.message)).toContain(
      "BP overdue: no BP in the 12 min since infusing started (due every 10 min while infusing)",
    );
    expect(events[0]?.message).toBe("No monitor reading for 1 min");
    expect(nextDueAt(state, defaultProfile)).toBeNull();
    expect(advanceTo(state, at(40), defaultProfile).events).toEqual([]);
  });

  it("the scheduler can sleep until nextDueAt and then advance", () => {
    let state = run(infusingAtT0([{ sbp: 120, dbp: 80 }])).state;
    const fired: string[] = [];
    for (
      let next = nextDueAt(state, defaultProfile);
      next !== null;
      next = nextDueAt(state, defaultProfile)
    ) {
      const result = advanceTo(state, next, defaultProfile);
      state = result.state;
      fired.push(...brief(result.events));
    }
    expect(fired).toEqual([
      "12:00 raised overdue low",
      "15:00 upgraded overdue medium",
      "20:00 escalated overdue medium",
    ]);
  });

  it.each<Phase>(["infusing", "recovery"])("never fires in the past of a fresh %s state", (p) => {
    expect(advanceTo(initialState(p, T0), T0, defaultProfile).events).toEqual([]);
  });
});
