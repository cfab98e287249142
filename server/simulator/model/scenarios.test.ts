import { describe, expect, it } from "vitest";
import { resolveConfig } from "./config.ts";
import { episodeWeight, parseScenario, scenarioNames } from "./scenarios.ts";

describe("scenarios", () => {
  it("accepts every valid name", () => {
    for (const name of scenarioNames) expect(parseScenario(name)).toBe(name);
  });

  it("rejects an unknown name with a message listing the valid ones", () => {
    expect(() => parseScenario("hypertensive")).toThrow(/unknown scenario "hypertensive"/);
    expect(() => parseScenario("x")).toThrow(new RegExp(scenarioNames.join(", ")));
  });

  it("is validated in a session config too", () => {
    expect(() => resolveConfig({ seed: 1, scenario: "nope" as never })).toThrow(
      /scenario: must be one of: typical/,
    );
    expect(() => resolveConfig({ seed: -1 })).toThrow(/seed/);
    expect(resolveConfig({ seed: 1 }).scenario).toBe("typical");
  });

  it("ramps an episode in, holds it and ramps it out", () => {
    const ep = { startMin: 10, rampInMin: 1, holdMin: 2, rampOutMin: 2 };
    expect(episodeWeight(ep, 10)).toBe(0);
    expect(episodeWeight(ep, 10.5)).toBeCloseTo(0.5);
    expect(episodeWeight(ep, 12)).toBe(1);
    expect(episodeWeight(ep, 14)).toBeCloseTo(0.5);
    expect(episodeWeight(ep, 15.1)).toBe(0);
  });
});
