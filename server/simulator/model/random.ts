/**
 * Seeded randomness for the simulator: mulberry32 for sequential draws, a stateless 32-bit hash for
 * draws addressed by position (the per-second monitor noise, so any time window can be generated
 * without generating what came before it), and Box-Muller normals. No Math.random anywhere.
 */

/** splitmix32-style finaliser: a well-mixed 32-bit hash of a 32-bit input. */
function mix32(x: number): number {
  let z = (x + 0x9e3779b9) | 0;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) >>> 0;
}

/** Hashes any number of integers into one unsigned 32-bit value. */
export function hash32(...parts: readonly number[]): number {
  let h = 0x811c9dc5;
  for (const part of parts) h = mix32(h ^ mix32(part | 0) ^ mix32(Math.floor(part / 2 ** 32)));
  return h;
}

/** Uniform in [0, 1) addressed by its parts (stateless). */
export function hashUniform(...parts: readonly number[]): number {
  return hash32(...parts) / 2 ** 32;
}

/** Standard normal addressed by its parts (stateless Box-Muller). */
export function hashNormal(...parts: readonly number[]): number {
  const u1 = 1 - hashUniform(...parts, 0x5eed01);
  const u2 = hashUniform(...parts, 0x5eed02);
  return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
}

/** Seed from a label, so sub-models draw from independent streams. */
export function seedFromString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** mulberry32: small, fast, good enough for simulation; period 2^32. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

export class Random {
  readonly seed: number;
  private readonly next: () => number;
  private spare: number | null = null;

  constructor(seed: number) {
    this.seed = seed >>> 0;
    this.next = mulberry32(this.seed);
  }

  /** An independent stream for a named sub-model (same parent seed and label -> same stream). */
  fork(label: string): Random {
    return new Random(hash32(this.seed, seedFromString(label)));
  }

  uniform(): number {
    return this.next();
  }

  between(min: number, max: number): number {
    return min + (max - min) * this.next();
  }

  /** Integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  normal(mean = 0, sd = 1): number {
    if (this.spare !== null) {
      const z = this.spare;
      this.spare = null;
      return mean + sd * z;
    }
    const u1 = 1 - this.next();
    const u2 = this.next();
    const r = Math.sqrt(-2 * Math.log(u1));
    this.spare = r * Math.sin(2 * Math.PI * u2);
    return mean + sd * r * Math.cos(2 * Math.PI * u2);
  }

  /** Normal redrawn until inside [min, max] (clamped after 20 tries, which is practically never). */
  truncNormal(mean: number, sd: number, min: number, max: number): number {
    for (let i = 0; i < 20; i++) {
      const x = this.normal(mean, sd);
      if (x >= min && x <= max) return x;
    }
    return Math.min(max, Math.max(min, mean));
  }

  /** Exponential waiting time with the given mean. */
  exponential(mean: number): number {
    return -mean * Math.log(1 - this.next());
  }

  /** One of the weighted options (weights need not sum to 1). */
  pick<T>(options: readonly (readonly [T, number])[]): T {
    const total = options.reduce((s, [, w]) => s + w, 0);
    let x = this.next() * total;
    for (const [value, weight] of options) {
      x -= weight;
      if (x < 0) return value;
    }
    return options[options.length - 1]![0];
  }
}

export const round1 = (x: number): number => Math.round(x * 10) / 10;
export const clamp = (x: number, min: number, max: number): number => Math.min(max, Math.max(min, x));
/** A session minute rounded to the whole second. */
export const toSecond = (minute: number): number => Math.round(minute * 60) / 60;
