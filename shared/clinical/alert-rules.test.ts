import { describe, expect, it } from "vitest";
import type { AlertPriority } from "../schemas/alert.ts";
import { observationTypes, severities } from "../schemas/observation.ts";
import {
  decideAlerts,
  type Finding,
  findingsForObservation,
  findingsForVitals,
  levelForObservation,
  levelForValue,
  type OpenAlertState,
} from "./alert-rules.ts";

type Case = readonly [
  parameter: Parameters<typeof levelForValue>[0],
  value: number,
  expected: AlertPriority | null,
];

const boundaries: Case[] = [
  ["sbp", 120, null],
  ["sbp", 164, null],
  ["sbp", 165, "medium"],
  ["sbp", 199, "medium"],
  ["sbp", 200, "high"],
  ["sbp", 300, "high"],
  ["sbp", 90, null],
  ["sbp", 89, "medium"],
  ["sbp", 80, "medium"],
  ["sbp", 79, "high"],
  ["dbp", 99, null],
  ["dbp", 100, "medium"],
  ["dbp", 119, "medium"],
  ["dbp", 120, "high"],
  ["dbp", 40, null],
  ["hr", 119, null],
  ["hr", 120, "medium"],
  ["hr", 139, "medium"],
  ["hr", 140, "high"],
  ["hr", 50, null],
  ["hr", 49, "medium"],
  ["hr", 40, "medium"],
  ["hr", 39, "high"],
  ["spo2", 100, null],
  ["spo2", 92, null],
  ["spo2", 91, "medium"],
  ["spo2", 88, "medium"],
  ["spo2", 87, "high"],
  ["rr", 10, null],
  ["rr", 9, "medium"],
  ["rr", 8, "medium"],
  ["rr", 7, "high"],
  ["rr", 0, "high"],
  ["rr", 29, null],
  ["rr", 30, "medium"],
  ["moaas", 5, null],
  ["moaas", 4, null],
  ["moaas", 3, "medium"],
  ["moaas", 2, "high"],
  ["moaas", 1, "high"],
  ["moaas", 0, "high"],
];

describe("levelForValue at every limit", () => {
  it.each(boundaries)("%s %i -> %s", (parameter, value, expected) => {
    expect(levelForValue(parameter, value)?.priority ?? null).toBe(expected);
  });

  it.each([
    ["sbp", 200, "Systolic BP 200 mmHg (limit >= 200)"],
    ["sbp", 85, "Systolic BP 85 mmHg (limit < 90)"],
    ["spo2", 87, "SpO2 87 % (limit < 88)"],
    ["moaas", 2, "MOAA/S 2 (limit <= 2)"],
  ] as const)("describes %s %i as %j", (parameter, value, message) => {
    expect(levelForValue(parameter, value)?.message).toBe(message);
  });
});

const critical = ["seizure", "chest_pain", "loss_of_consciousness"] as const;
const severitiesOrNull = [null, ...severities] as const;

describe("levelForObservation", () => {
  it.each(critical.flatMap((type) => severitiesOrNull.map((s) => [type, s] as const)))(
    "%s (%s) is high",
    (type, severity) => {
      expect(levelForObservation(type, severity)?.priority).toBe("high");
    },
  );

  const others = observationTypes.filter((t) => !(critical as readonly string[]).includes(t));
  it.each(others)("severe %s is medium", (type) => {
    expect(levelForObservation(type, "severe")?.priority).toBe("medium");
  });

  it.each(
    others.flatMap((type) => [[type, "moderate"] as const, [type, "mild"] as const, [type, null] as const]),
  )("%s (%s) raises nothing", (type, severity) => {
    expect(levelForObservation(type, severity)).toBeNull();
  });

  it("names the observation", () => {
    expect(levelForObservation("chest_pain", "mild")?.message).toBe("Chest pain reported");
    expect(levelForObservation("blurred_vision", "severe")?.message).toBe("Severe blurred vision");
  });
});

const level = (priority: AlertPriority) => ({ priority, message: `${priority} level` });
const open = (parameter: OpenAlertState["parameter"], priority: AlertPriority): OpenAlertState => ({
  id: `alert-${parameter}`,
  parameter,
  priority,
});

describe("decideAlerts", () => {
  it.each<[string, Finding[], OpenAlertState[], ReturnType<typeof decideAlerts>]>([
    [
      "raises when none is open",
      [{ parameter: "sbp", value: 170, level: level("medium") }],
      [],
      [{ kind: "raise", parameter: "sbp", value: 170, priority: "medium", message: "medium level" }],
    ],
    [
      "upgrades a lower open alert",
      [{ parameter: "sbp", value: 205, level: level("high") }],
      [open("sbp", "medium")],
      [{ kind: "upgrade", alertId: "alert-sbp", value: 205, priority: "high", message: "high level" }],
    ],
    ["never downgrades", [{ parameter: "hr", value: 125, level: level("medium") }], [open("hr", "high")], []],
    [
      "keeps an equal open alert",
      [{ parameter: "hr", value: 125, level: level("medium") }],
      [open("hr", "medium")],
      [],
    ],
    [
      "clears when the value meets no level",
      [{ parameter: "spo2", value: 97, level: null }],
      [open("spo2", "high")],
      [{ kind: "clear", alertId: "alert-spo2" }],
    ],
    [
      "does nothing for a normal value without an alert",
      [{ parameter: "rr", value: 14, level: null }],
      [],
      [],
    ],
    [
      "never clears an observation alert",
      [{ parameter: "observation", value: null, level: null }],
      [open("observation", "high")],
      [],
    ],
    [
      "upgrades an observation alert",
      [{ parameter: "observation", value: null, level: level("high") }],
      [open("observation", "medium")],
      [
        {
          kind: "upgrade",
          alertId: "alert-observation",
          value: null,
          priority: "high",
          message: "high level",
        },
      ],
    ],
    [
      "re-signals an open observation alert with a new alerting observation, never downgrading it",
      [{ parameter: "observation", value: null, level: level("medium") }],
      [{ ...open("observation", "high"), message: "Seizure reported" }],
      [
        {
          kind: "upgrade",
          alertId: "alert-observation",
          value: null,
          priority: "high",
          message: "medium level; earlier: Seizure reported",
        },
      ],
    ],
    [
      "leaves other parameters' alerts alone",
      [{ parameter: "sbp", value: 120, level: null }],
      [open("hr", "high"), open("dbp", "medium")],
      [],
    ],
    [
      "decides each finding on its own",
      [
        { parameter: "sbp", value: 120, level: null },
        { parameter: "hr", value: 150, level: level("high") },
        { parameter: "spo2", value: 86, level: level("high") },
      ],
      [open("sbp", "medium"), open("spo2", "medium")],
      [
        { kind: "clear", alertId: "alert-sbp" },
        { kind: "raise", parameter: "hr", value: 150, priority: "high", message: "high level" },
        { kind: "upgrade", alertId: "alert-spo2", value: 86, priority: "high", message: "high level" },
      ],
    ],
  ])("%s", (_, findings, openAlerts, expected) => {
    expect(decideAlerts(findings, openAlerts)).toEqual(expected);
  });
});

describe("findingsForVitals", () => {
  it("gives one finding per parameter present, in a fixed order", () => {
    const findings = findingsForVitals({ rr: 14, sbp: 170, dbp: 80, hr: 72, spo2: 86 });
    expect(findings.map((f) => [f.parameter, f.value, f.level?.priority ?? null])).toEqual([
      ["sbp", 170, "medium"],
      ["dbp", 80, null],
      ["hr", 72, null],
      ["spo2", 86, "high"],
      ["rr", 14, null],
    ]);
  });

  it("skips absent and null parameters", () => {
    expect(findingsForVitals({ hr: 130, spo2: null, sbp: undefined }).map((f) => f.parameter)).toEqual([
      "hr",
    ]);
  });

  it("gives nothing for an empty reading", () => {
    expect(findingsForVitals({})).toEqual([]);
  });
});

describe("findingsForObservation", () => {
  it.each([
    ["sedation", null, 2, [["moaas", 2, "high"]]],
    ["sedation", null, 3, [["moaas", 3, "medium"]]],
    ["sedation", null, 5, [["moaas", 5, null]]],
    ["nausea", "severe", null, [["observation", null, "medium"]]],
    ["seizure", "mild", null, [["observation", null, "high"]]],
    ["nausea", "moderate", null, []],
  ] as const)("%s severity %s MOAA/S %s", (type, severity, moaas, expected) => {
    const findings = findingsForObservation(type, severity, moaas);
    expect(findings.map((f) => [f.parameter, f.value, f.level?.priority ?? null])).toEqual(expected);
  });
});
