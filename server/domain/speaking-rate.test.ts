import { describe, expect, it } from "vitest";
import { speakingRate } from "./speaking-rate";

// Hand computations: words over minutes spoken, summed over takes.
describe("speakingRate", () => {
  it.each([
    { name: "the seed's script: 60 words in 24 s", takes: [{ words: 60, spokenMs: 24_000 }], rate: 150 },
    { name: "two takes weigh by length: 90 words in 40 s", takes: [{ words: 30, spokenMs: 10_000 }, { words: 60, spokenMs: 30_000 }], rate: 135 },
    { name: "too little speech to say", takes: [{ words: 20, spokenMs: 9_000 }], rate: null },
    { name: "no takes", takes: [], rate: null },
    { name: "a mis-measured take is held to the settings' range", takes: [{ words: 200, spokenMs: 10_000 }], rate: 300 },
    { name: "silence read as speech is held too", takes: [{ words: 5, spokenMs: 60_000 }], rate: 80 },
  ])("$name: $rate", ({ takes, rate }) => {
    expect(speakingRate(takes)).toBe(rate);
  });
});
