/**
 * Seeded random choices for the corpus generator: every clip is drawn from
 * its own stream, fixed by the exercise and the seed, so a clip re-made from
 * its seed is the same clip.
 */
import { prng } from '../rotation/prng.ts';

/** A 32-bit seed from a text (FNV-1a), so each exercise gets its own stream per seed. */
export function hashSeed(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export class Sampler {
  private readonly next: () => number;

  constructor(seed: number) {
    this.next = prng(seed);
  }

  /** Uniform in [a, b). */
  uniform(a: number, b: number): number {
    return a + (b - a) * this.next();
  }

  /** Uniform in the logarithm: as many draws from 0.03–0.1 as from 0.1–0.3. */
  logUniform(a: number, b: number): number {
    return Math.exp(this.uniform(Math.log(a), Math.log(b)));
  }

  /** Integer in [a, b]. */
  int(a: number, b: number): number {
    return Math.min(b, a + Math.floor(this.next() * (b - a + 1)));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(options: readonly T[]): T {
    return options[Math.min(options.length - 1, Math.floor(this.next() * options.length))]!;
  }

  /** One of the options, each with its weight. */
  weighted<T>(options: readonly (readonly [T, number])[]): T {
    const total = options.reduce((s, [, w]) => s + w, 0);
    let r = this.next() * total;
    for (const [value, w] of options) {
      r -= w;
      if (r < 0) return value;
    }
    return options.at(-1)![0];
  }

  /** +1 or −1. */
  sign(): 1 | -1 {
    return this.next() < 0.5 ? 1 : -1;
  }
}
