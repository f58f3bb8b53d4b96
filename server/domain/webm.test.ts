import { describe, expect, it } from "vitest";
import { recordedTake, streamedWebm } from "@/tests/support/webm-bytes";
import { hasEbmlMagic, readWebm } from "./webm";

// The fixture is a 2.58 s take recorded by Debian's Chromium MediaRecorder (Opus in WebM, 32
// kbit/s) from a generated fake-microphone signal; its decoded length, by Web Audio, is 2.580 s,
// in 43 Opus blocks of 60 ms, the last starting at 2.520 s.
const fixture = recordedTake();

describe("readWebm", () => {
  it("reads Chromium's own recording: WebM, its last block at 2.52 s", () => {
    expect(readWebm(fixture)).toEqual({ docType: "webm", durationMs: 2520, blocks: 43 });
  });

  it.each([
    { name: "one cluster", clusters: [[0, [0, 20, 40]]] as [number, number[]][], durationMs: 40 },
    { name: "clusters whose blocks run past the next one's start", clusters: [[0, [0, 30000]], [30000, [0, 20]]] as [number, number[]][], durationMs: 30020 },
    { name: "91 s, over the limit", clusters: [[0, [0]], [90000, [0, 1000]]] as [number, number[]][], durationMs: 91000 },
  ])("times $name by its last block: $durationMs ms", ({ clusters, durationMs }) => {
    expect(readWebm(streamedWebm(clusters))?.durationMs).toBe(durationMs);
  });

  it.each([
    { name: "a WAV file", bytes: Uint8Array.from(Buffer.from("RIFF\x24\x00\x00\x00WAVEfmt ")) },
    { name: "Matroska that is not WebM", bytes: streamedWebm([[0, [0]]], "matroska") },
    { name: "WebM with no audio blocks", bytes: streamedWebm([]) },
    { name: "only the magic number", bytes: Uint8Array.from([0x1a, 0x45, 0xdf, 0xa3]) },
    { name: "nothing", bytes: new Uint8Array(0) },
    { name: "the fixture's header alone", bytes: fixture.subarray(0, 40) },
  ])("refuses $name", ({ bytes }) => {
    expect(readWebm(bytes)).toBeNull();
  });

  it("knows the EBML magic number, 1A 45 DF A3", () => {
    expect(hasEbmlMagic(fixture)).toBe(true);
    expect(hasEbmlMagic(Uint8Array.from([0x1a, 0x45, 0xdf]))).toBe(false);
  });
});
