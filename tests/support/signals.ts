// Generated test signals for the spoken-length measurement (lib/spoken-length.ts) and the fake
// microphone of the rehearsal e2e: silences, tone bursts, a speech-like signal and noise floors,
// all of known lengths, and a WAV writer for Chromium's --use-file-for-fake-audio-capture.

export type Part =
  | { kind: "silence"; seconds: number }
  | { kind: "tone"; seconds: number; hz?: number; dbfs?: number }
  /** Voiced harmonics of a 140 Hz voice under a 4 Hz syllable envelope that dips but never stops. */
  | { kind: "speech"; seconds: number; dbfs?: number }
  | { kind: "click"; seconds: number };

/** mulberry32: a seeded generator, so every run's noise is the same noise. */
function seeded(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const amplitude = (dbfs: number) => 10 ** (dbfs / 20);

/** The parts one after another at `sampleRate`, with white noise at `noiseDbfs` (RMS) under everything. */
export function signal(parts: Part[], sampleRate: number, noiseDbfs: number | null = null): Float32Array {
  const total = parts.reduce((n, p) => n + Math.round(p.seconds * sampleRate), 0);
  const out = new Float32Array(total);
  let offset = 0;
  for (const part of parts) {
    const n = Math.round(part.seconds * sampleRate);
    for (let i = 0; i < n; i++) {
      const t = i / sampleRate;
      if (part.kind === "tone") out[offset + i] = amplitude(part.dbfs ?? -6) * Math.SQRT2 * Math.sin(2 * Math.PI * (part.hz ?? 440) * t);
      else if (part.kind === "speech") {
        const envelope = 0.55 + 0.45 * Math.sin(2 * Math.PI * 4 * t - Math.PI / 2 + Math.PI);
        let voiced = 0;
        for (let h = 1; h <= 8; h++) voiced += Math.sin(2 * Math.PI * 140 * h * t) / h;
        out[offset + i] = amplitude(part.dbfs ?? -12) * envelope * voiced * 0.8;
      } else if (part.kind === "click") out[offset + i] = 0.9;
    }
    offset += n;
  }
  if (noiseDbfs !== null) {
    const random = seeded(17);
    // Uniform noise in [-a, a] has RMS a/√3.
    const a = amplitude(noiseDbfs) * Math.sqrt(3);
    for (let i = 0; i < out.length; i++) out[i] += (random() * 2 - 1) * a;
  }
  return out;
}

/** 16-bit PCM mono WAV bytes of `samples`. */
export function wav(samples: Float32Array, sampleRate: number): Buffer {
  const data = Buffer.alloc(samples.length * 2);
  for (let i = 0; i < samples.length; i++) data.writeInt16LE(Math.round(Math.max(-1, Math.min(1, samples[i])) * 32767), i * 2);
  const header = Buffer.alloc(44);
  header.write("RIFF", 0);
  header.writeUInt32LE(36 + data.length, 4);
  header.write("WAVE", 8);
  header.write("fmt ", 12);
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20);
  header.writeUInt16LE(1, 22);
  header.writeUInt32LE(sampleRate, 24);
  header.writeUInt32LE(sampleRate * 2, 28);
  header.writeUInt16LE(2, 32);
  header.writeUInt16LE(16, 34);
  header.write("data", 36);
  header.writeUInt32LE(data.length, 40);
  return Buffer.concat([header, data]);
}
