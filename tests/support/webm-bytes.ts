// WebM bytes for tests: Chromium's own 2.58 s recording (tests/fixtures/take-2s.webm, made by
// MediaRecorder from a generated fake-microphone signal), and streamed files built element by
// element, shaped as a streaming muxer writes them (Segment and Clusters of unknown size).
import fs from "node:fs";
import path from "node:path";

export const recordedTake = (): Buffer => fs.readFileSync(path.join(process.cwd(), "tests/fixtures/take-2s.webm"));

const element = (id: number[], data: number[] | "unknown-size-header") =>
  data === "unknown-size-header" ? [...id, 0x01, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff] : [...id, 0x80 | data.length, ...data];
const header = (docType: string) => element([0x1a, 0x45, 0xdf, 0xa3], element([0x42, 0x82], [...Buffer.from(docType)]));
const block = (relativeMs: number) => element([0xa3], [0x81, (relativeMs >> 8) & 0xff, relativeMs & 0xff, 0x80, 0xfc]);
const uint = (n: number) => [(n >> 16) & 0xff, (n >> 8) & 0xff, n & 0xff];

/** A streamed WebM whose clusters start at the given times (ms), each with blocks at the given offsets. */
export function streamedWebm(clusters: [number, number[]][], docType = "webm"): Buffer {
  const body = clusters.flatMap(([at, blocks]) => [...element([0x1f, 0x43, 0xb6, 0x75], "unknown-size-header"), ...element([0xe7], uint(at)), ...blocks.flatMap(block)]);
  return Buffer.from([...header(docType), ...element([0x18, 0x53, 0x80, 0x67], "unknown-size-header"), ...body]);
}
