// Which script to suggest when the team has not settled it: Thompson sampling (Thompson 1933;
// Chapelle and Li, "An Empirical Evaluation of Thompson Sampling", NIPS 2011). Each candidate's
// callback rate has the posterior Beta(1 + R, 1 + V − R) from its voicemails at the matching
// attempt numbers; one draw from each, and the highest draw is suggested. A script with strong
// evidence wins most draws, a weak one fades, and a new one (Beta(1, 1)) still gets tried.
import type { Random } from "./random-source";

export type Evidence = { voicemails: number; returned: number };

/** A standard normal draw (Box–Muller). */
function normalDraw(random: Random): number {
  const u = 1 - random();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
}

/** A Gamma(shape, 1) draw for shape ≥ 1 (Marsaglia and Tsang, ACM TOMS 26(3), 2000). */
function gammaDraw(shape: number, random: Random): number {
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number;
    let v: number;
    do {
      x = normalDraw(random);
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = random();
    if (u < 1 - 0.0331 * x ** 4 || Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v;
  }
}

/** A Beta(a, b) draw for a, b ≥ 1, as X / (X + Y) with X ~ Gamma(a), Y ~ Gamma(b). */
export function betaDraw(a: number, b: number, random: Random): number {
  const x = gammaDraw(a, random);
  return x / (x + gammaDraw(b, random));
}

/** The index of the candidate whose posterior draw is highest; -1 when there are none. */
export function thompsonPick(candidates: readonly Evidence[], random: Random): number {
  let best = -1;
  let bestDraw = -1;
  candidates.forEach((c, i) => {
    const draw = betaDraw(1 + c.returned, 1 + Math.max(0, c.voicemails - c.returned), random);
    if (draw > bestDraw) {
      best = i;
      bestDraw = draw;
    }
  });
  return best;
}

/**
 * Balanced random assignment: among the arms with the fewest prospects so far, the one the draw
 * `u` (uniform on [0, 1)) lands on. Over any run the arms differ by at most one prospect.
 */
export function balancedArm(assignedPerArm: readonly number[], u: number): number {
  const fewest = Math.min(...assignedPerArm);
  const open = assignedPerArm.flatMap((n, arm) => (n === fewest ? [arm] : []));
  return open[Math.min(open.length - 1, Math.floor(u * open.length))]!;
}
