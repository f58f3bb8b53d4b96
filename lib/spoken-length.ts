// A take's spoken length: from the first sound to the last, with the silence before and after
// trimmed, measured on the decoded samples rather than on when the buttons were pressed (a rep
// clicks "record", breathes, reads, then reaches for "stop"). Pure, so the browser runs it on what
// Web Audio's decodeAudioData gives and the tests run it on generated signals.

/** Analysis frames: short enough for ±0.1 s, long enough to hold a period of a low voice. */
const FRAME_SECONDS = 0.01;
/** A frame is sound when it is this far above the recording's own noise floor... */
const ABOVE_FLOOR_DB = 12;
/** ...and no quieter than this below the loudest frame (a hum never counts as speech)... */
const BELOW_PEAK_DB = 35;
/** ...and above this absolute level (a digitally silent file has a floor of minus infinity). */
const ABSOLUTE_FLOOR_DB = -60;
/** Sound must last this long to count as the start or end of speech: a click or a cough of the mouse is not. */
const MIN_SOUND_SECONDS = 0.08;
/** A recording whose loudest frame is this quiet is silence. */
const SILENCE_PEAK_DB = -50;

export type SpokenLength = {
  /** Seconds from the first sound to the last; 0 for silence. */
  spokenSeconds: number;
  /** Seconds of the whole recording. */
  recordedSeconds: number;
  /** Where the speech starts and ends, in seconds from the start. */
  startSeconds: number;
  endSeconds: number;
};

const decibels = (rms: number) => (rms > 0 ? 20 * Math.log10(rms) : -Infinity);

/** RMS level of each frame, in dBFS. */
function frameLevels(samples: Float32Array, frameLength: number): number[] {
  const levels: number[] = [];
  for (let start = 0; start < samples.length; start += frameLength) {
    const end = Math.min(samples.length, start + frameLength);
    let sum = 0;
    for (let i = start; i < end; i++) sum += samples[i] * samples[i];
    levels.push(decibels(Math.sqrt(sum / (end - start))));
  }
  return levels;
}

/** The level below which a tenth of the frames lie: the room's noise in any take with pauses in it. */
function noiseFloor(levels: number[]): number {
  const sorted = [...levels].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length * 0.1)];
}

/** The spoken length of mono samples at `sampleRate` (mix channels down before calling). */
export function spokenLength(samples: Float32Array, sampleRate: number): SpokenLength {
  const recordedSeconds = samples.length / sampleRate;
  const silent = { spokenSeconds: 0, recordedSeconds, startSeconds: 0, endSeconds: 0 };
  const frameLength = Math.max(1, Math.round(FRAME_SECONDS * sampleRate));
  const levels = frameLevels(samples, frameLength);
  if (!levels.length) return silent;
  const peak = Math.max(...levels);
  if (peak < SILENCE_PEAK_DB) return silent;
  const threshold = Math.max(noiseFloor(levels) + ABOVE_FLOOR_DB, peak - BELOW_PEAK_DB, ABSOLUTE_FLOOR_DB);
  // A take that is sound from end to end (no floor below the speech) has a floor at speech level.
  const loud = levels.map((level) => level >= threshold || level >= peak - 6);
  const minRun = Math.max(1, Math.round(MIN_SOUND_SECONDS / FRAME_SECONDS));
  const runStartingAt = (i: number) => {
    let n = 0;
    while (i + n < loud.length && loud[i + n]) n++;
    return n;
  };
  let first = -1;
  for (let i = 0; i < loud.length; i++) {
    if (loud[i] && runStartingAt(i) >= minRun) {
      first = i;
      break;
    }
  }
  if (first < 0) return silent;
  let last = first;
  for (let i = loud.length - 1; i > first; i--) {
    if (!loud[i]) continue;
    let n = 0;
    while (i - n >= 0 && loud[i - n]) n++;
    if (n >= minRun) {
      last = i;
      break;
    }
    i -= n - 1;
  }
  const startSeconds = (first * frameLength) / sampleRate;
  const endSeconds = Math.min(samples.length, (last + 1) * frameLength) / sampleRate;
  return { spokenSeconds: endSeconds - startSeconds, recordedSeconds, startSeconds, endSeconds };
}

/** Channels of a decoded recording mixed to one, so a stereo microphone measures like a mono one. */
export function mixDown(channels: Float32Array[]): Float32Array {
  if (channels.length === 1) return channels[0];
  const mixed = new Float32Array(channels[0].length);
  for (const channel of channels) for (let i = 0; i < mixed.length; i++) mixed[i] += channel[i] / channels.length;
  return mixed;
}
