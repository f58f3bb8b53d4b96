// Colours for charts that colour-blind readers can tell apart.

/** Okabe & Ito (2008), "Color Universal Design": distinguishable under the common colour-vision deficiencies. */
export const SERIES_COLOURS = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00"] as const;
/** A second cue besides colour, so lines stay apart in greyscale too. */
export const SERIES_DASHES = ["", "6 3", "2 3", "8 3 2 3", "4 4", "1 2"] as const;

/**
 * ColorBrewer "Blues" (Brewer, Harrower 2003), 7 classes: one hue ordered by lightness, so the
 * order reads the same with any colour vision and in greyscale.
 */
export const SEQUENTIAL_BLUES = ["#eff3ff", "#c6dbef", "#9ecae1", "#6baed6", "#4292c6", "#2171b5", "#084594"] as const;

/**
 * The class of a value in [min, max], and whether text on it needs to be light. The scale spans the
 * values shown, not 0–max: hourly callback rates sit within a few points of each other, and a
 * scale from zero would paint them all the same dark blue.
 */
export function sequentialColour(value: number, min: number, max: number): { background: string; lightText: boolean } {
  const span = max - min;
  const index = span > 0 ? Math.min(SEQUENTIAL_BLUES.length - 1, Math.max(0, Math.floor(((value - min) / span) * SEQUENTIAL_BLUES.length))) : SEQUENTIAL_BLUES.length - 1;
  return { background: SEQUENTIAL_BLUES[index], lightText: index >= 4 };
}
