// Randomness as a value: services draw from `Math.random`, tests and simulations from a seeded
// generator so every run sees the same draws.

export type Random = () => number;

/** mulberry32 (Tommy Ettinger, public domain): a fast 32-bit generator, uniform on [0, 1). */
export function seededRandom(seed: number): Random {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A generator seeded from a string key (FNV-1a): the same key always gives the same draws. */
export function keyedRandom(key: string): Random {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return seededRandom(h);
}
