// Axis and label arithmetic for the charts, kept pure so it is tested without a browser.

export type RateAxis = { top: number; ticks: number[] };

const RATE_STEPS = [0.02, 0.05, 0.1, 0.2, 0.25];
const round = (x: number) => Math.round(x * 10_000) / 10_000;

/**
 * A 0-based axis for rates that ends on a round step just above `max`, with at most 6 ticks. Callback
 * rates sit between 5% and 40%: on a fixed 0–100% axis a 15% and a 20% bar look the same.
 */
export function rateAxis(max: number): RateAxis {
  const highest = Math.min(1, Math.max(0, max));
  const step = RATE_STEPS.find((s) => Math.ceil(highest / s - 1e-9) <= 5) ?? 0.25;
  const top = Math.min(1, Math.max(step, round(Math.ceil(highest / step - 1e-9) * step)));
  const ticks: number[] = [];
  for (let i = 0; round(i * step) <= top; i++) ticks.push(round(i * step));
  return { top, ticks };
}

/** A 0-based axis for a count or a duration, on steps of 1, 2 or 5 × 10ⁿ, with at most 6 ticks. */
export function countAxis(max: number): RateAxis {
  const highest = Math.max(1, max);
  const magnitude = 10 ** Math.floor(Math.log10(highest));
  const step = [1, 2, 5, 10].map((m) => m * magnitude).find((s) => Math.ceil(highest / s) <= 5)!;
  const top = Math.ceil(highest / step) * step;
  const ticks: number[] = [];
  for (let v = 0; v <= top; v += step) ticks.push(v);
  return { top, ticks };
}

/** Every `every`-th item from the first, so tick labels on a long time axis stay evenly spaced. */
export function evenlySpaced<T>(items: T[], maxCount: number): T[] {
  const every = Math.max(1, Math.ceil(items.length / maxCount));
  return items.filter((_, i) => i % every === 0);
}

/** A box by its left edge and vertical centre, in pixels. */
export type Box = { key: string; x: number; y: number; width: number; height: number };
export type LabelCandidate = Box & { priority: number };

const overlaps = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y - a.height / 2 < b.y + b.height / 2 && b.y - b.height / 2 < a.y + a.height / 2;

/**
 * Which point labels to draw so none overlaps another label or another point: greedily by
 * priority (the biggest points first). A point whose label would collide keeps its tooltip and
 * its row in the table twin.
 */
export function labelsThatFit(candidates: LabelCandidate[], bounds: { width: number }, points: Box[] = []): Set<string> {
  const placed: LabelCandidate[] = [];
  for (const c of [...candidates].sort((a, b) => b.priority - a.priority || a.key.localeCompare(b.key))) {
    if (c.x < 0 || c.x + c.width > bounds.width) continue;
    if (placed.some((p) => overlaps(p, c))) continue;
    if (points.some((p) => p.key !== c.key && overlaps(p, c))) continue;
    placed.push(c);
  }
  return new Set(placed.map((p) => p.key));
}
