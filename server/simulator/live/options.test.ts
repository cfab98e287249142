import { describe, expect, it } from "vitest";
import { parseSimulateArgs } from "./options.ts";

describe("parseSimulateArgs", () => {
  it("fills the defaults: demo logins, local server, real time, 1 Hz", () => {
    expect(parseSimulateArgs(["--chairs", "3"])).toMatchObject({
      mode: "live",
      chairs: 3,
      rateHz: 1,
      speed: 1,
      scenario: "typical",
      seed: 1,
      url: "http://127.0.0.1:3000",
      apiKey: undefined,
      admin: { username: "admin", password: "admin-demo" },
      nurse: { username: "nurse", password: "nurse-demo" },
      physician: { username: "physician", password: "physician-demo" },
      chairPrefix: "Sim-",
      loop: false,
      demo: false,
    });
  });

  it("reads every option, inline values too, and the environment", () => {
    const parsed = parseSimulateArgs(
      ["--chairs=2", "--rate-hz", "0.5", "--speed", "60", "--scenario", "vasovagal", "--seed", "9", "--loop"],
      { VIGIL_URL: "http://vigil:8080/", VIGIL_API_KEY: "vgl_x", VIGIL_SIM_NURSE_USER: "ada" },
    );
    expect(parsed).toMatchObject({
      chairs: 2,
      rateHz: 0.5,
      speed: 60,
      scenario: "vasovagal",
      seed: 9,
      loop: true,
      url: "http://vigil:8080",
      apiKey: "vgl_x",
      nurse: { username: "ada", password: "nurse-demo" },
    });
  });

  it("hands --cohort over to the cohort command untouched", () => {
    const argv = ["--cohort", "5", "--seed", "1", "--out", "x"];
    expect(parseSimulateArgs(argv)).toEqual({ mode: "cohort", argv });
  });

  it.each([
    [[], /missing --chairs N/],
    [["--chairs", "0"], /--chairs must be a whole number from 1 to 200 \(got "0"\)/],
    [["--chairs", "2.5"], /--chairs must be a whole number/],
    [["--chairs", "1", "--speed", "0"], /--speed must be above 0/],
    [["--chairs", "1", "--speed", "fast"], /--speed must be above 0/],
    [["--chairs", "1", "--rate-hz", "11"], /--rate-hz must be above 0, at most 10/],
    [["--chairs", "1", "--scenario", "chaos"], /unknown scenario "chaos"; valid scenarios: typical/],
    [["--chairs", "1", "--url", "ftp://x"], /--url must be an http\(s\) URL/],
    [["--chairs", "1", "--api-key", "k", "--admin-user", "a"], /either --api-key or --admin-user/],
    [["--chairs", "1", "--chairs", "2"], /--chairs given twice/],
    [["--chairs"], /option --chairs needs a value/],
    [["--chairs", "1", "--bogus"], /unknown option --bogus/],
    [["--chairs", "1", "extra"], /unexpected argument extra/],
    [["--demo", "--chairs", "2"], /either --chairs N or --demo/],
    [["--chairs", "1", "--loop=yes"], /--loop takes no value/],
    [["--chairs", "1", "--max-events", "-1"], /--max-events must be a whole number/],
  ])("refuses %j with a clear message", (argv, message) => {
    const parsed = parseSimulateArgs(argv);
    expect(typeof parsed).toBe("string");
    expect(parsed).toMatch(message);
  });
});
