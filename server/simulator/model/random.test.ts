import { describe, expect, it } from "vitest";
import { hash32, hashNormal, hashUniform, mulberry32, Random } from "./random.ts";

describe("seeded randomness", () => {
  it("repeats a sequence for the same seed and differs for another", () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    const c = mulberry32(43);
    const xs = Array.from({ length: 5 }, () => a());
    expect(Array.from({ length: 5 }, () => b())).toEqual(xs);
    expect(Array.from({ length: 5 }, () => c())).not.toEqual(xs);
  });

  it("draws uniforms in [0, 1) and standard normals with the right moments", () => {
    const rng = new Random(7);
    const u = Array.from({ length: 20_000 }, () => rng.uniform());
    expect(Math.min(...u)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...u)).toBeLessThan(1);
    expect(u.reduce((s, x) => s + x, 0) / u.length).toBeCloseTo(0.5, 1);
    const z = Array.from({ length: 20_000 }, () => rng.normal(10, 2));
    const mean = z.reduce((s, x) => s + x, 0) / z.length;
    const sd = Math.sqrt(z.reduce((s, x) => s + (x - mean) ** 2, 0) / z.length);
    expect(mean).toBeCloseTo(10, 1);
    expect(sd).toBeCloseTo(2, 1);
  });

  it("keeps truncated normals inside their bounds", () => {
    const rng = new Random(1);
    for (let i = 0; i < 2000; i++) {
      const x = rng.truncNormal(0, 5, -1, 2);
      expect(x).toBeGreaterThanOrEqual(-1);
      expect(x).toBeLessThanOrEqual(2);
    }
  });

  it("forks independent, reproducible streams by label", () => {
    const root = new Random(99);
    expect(root.fork("patient").uniform()).toBe(new Random(99).fork("patient").uniform());
    expect(root.fork("patient").uniform()).not.toBe(root.fork("response").uniform());
  });

  it("hashes positions statelessly (same address, same draw)", () => {
    expect(hash32(1, 2, 3)).toBe(hash32(1, 2, 3));
    expect(hash32(1, 2, 3)).not.toBe(hash32(1, 2, 4));
    expect(hashUniform(5, 6)).toBe(hashUniform(5, 6));
    const z = Array.from({ length: 20_000 }, (_, k) => hashNormal(123, k));
    const mean = z.reduce((s, x) => s + x, 0) / z.length;
    const sd = Math.sqrt(z.reduce((s, x) => s + (x - mean) ** 2, 0) / z.length);
    expect(Math.abs(mean)).toBeLessThan(0.03);
    expect(sd).toBeCloseTo(1, 1);
  });
});
