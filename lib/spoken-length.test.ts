import { describe, expect, it } from "vitest";
import { signal, type Part } from "@/tests/support/signals";
import { mixDown, spokenLength } from "./spoken-length";

// Expected lengths are the generated speech's own (the sum of the parts between the first and
// the last sounding part); the issue asks for ±0.1 s.
const silence = (seconds: number): Part => ({ kind: "silence", seconds });
const tone = (seconds: number, dbfs = -6): Part => ({ kind: "tone", seconds, dbfs });
const speech = (seconds: number, dbfs = -12): Part => ({ kind: "speech", seconds, dbfs });
const click: Part = { kind: "click", seconds: 0.005 };

const cases: { name: string; parts: Part[]; noise: number | null; rate: number; spoken: number; start: number }[] = [
  { name: "a 3 s tone between silences", parts: [silence(1), tone(3), silence(1)], noise: null, rate: 48000, spoken: 3, start: 1 },
  { name: "the e2e's fake microphone: 2 s, 6 s of speech, 2 s", parts: [silence(2), speech(6), silence(2)], noise: -60, rate: 48000, spoken: 6, start: 2 },
  { name: "speech over a -50 dBFS room", parts: [silence(1.5), speech(6), silence(2.5)], noise: -50, rate: 48000, spoken: 6, start: 1.5 },
  { name: "a tone over a loud -40 dBFS floor", parts: [silence(0.7), tone(2.5, -10), silence(1.3)], noise: -40, rate: 44100, spoken: 2.5, start: 0.7 },
  { name: "a quiet reader at -40 dBFS over a -65 dBFS floor", parts: [silence(1), speech(4, -40), silence(1)], noise: -65, rate: 48000, spoken: 4, start: 1 },
  { name: "a mouse click before the read is not speech", parts: [silence(0.3), click, silence(0.7), tone(4), silence(0.4), click, silence(0.6)], noise: -60, rate: 48000, spoken: 4, start: 1.005 },
  { name: "a pause inside the read is kept", parts: [silence(1), speech(1), silence(1.5), speech(2), silence(1)], noise: -55, rate: 48000, spoken: 4.5, start: 1 },
  { name: "sound from end to end", parts: [speech(5)], noise: null, rate: 16000, spoken: 5, start: 0 },
  { name: "no silence after the read (stop pressed mid-word)", parts: [silence(1.2), tone(2.4)], noise: -60, rate: 48000, spoken: 2.4, start: 1.2 },
  { name: "a 24-second script, the seed's own", parts: [silence(0.8), speech(24), silence(1.1)], noise: -55, rate: 48000, spoken: 24, start: 0.8 },
];

describe("spokenLength", () => {
  it.each(cases)("$name: $spoken s", ({ parts, noise, rate, spoken, start }) => {
    const measured = spokenLength(signal(parts, rate, noise), rate);
    expect(Math.abs(measured.spokenSeconds - spoken), `measured ${measured.spokenSeconds}`).toBeLessThanOrEqual(0.1);
    expect(Math.abs(measured.startSeconds - start), `started at ${measured.startSeconds}`).toBeLessThanOrEqual(0.1);
    expect(measured.recordedSeconds).toBeCloseTo(parts.reduce((n, p) => n + p.seconds, 0), 2);
  });

  it.each([
    { name: "digital silence", samples: new Float32Array(48000 * 3) },
    { name: "a room's noise alone", samples: signal([silence(3)], 48000, -55) },
    { name: "a lone click", samples: signal([silence(1), click, silence(1)], 48000, -70) },
    { name: "nothing at all", samples: new Float32Array(0) },
  ])("$name measures 0 s", ({ samples }) => {
    expect(spokenLength(samples, 48000).spokenSeconds).toBe(0);
  });

  it("mixes channels down before measuring, so speech on one side counts", () => {
    const left = signal([silence(1), tone(2), silence(1)], 48000, null);
    const right = new Float32Array(left.length);
    expect(spokenLength(mixDown([left, right]), 48000).spokenSeconds).toBeCloseTo(2, 1);
  });
});
