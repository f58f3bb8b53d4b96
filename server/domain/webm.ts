// Just enough of WebM (Matroska's EBML) to check an uploaded take: that it is WebM at all, and
// how long it runs by its own block timestamps. The browser measures the spoken length on
// decoded audio; decoding Opus on the server would need a codec, but the container's timestamps
// are plain integers, so the 90-second limit is held here without trusting the client's clock.
// Chrome's MediaRecorder writes the Segment and its Clusters with "unknown size" (it streams),
// which is why the walk enters them instead of skipping them.

const EBML_MAGIC = [0x1a, 0x45, 0xdf, 0xa3];
const SEGMENT = 0x18538067;
const CLUSTER = 0x1f43b675;
const INFO = 0x1549a966;
const TIMECODE_SCALE = 0x2ad7b1;
const CLUSTER_TIMECODE = 0xe7;
const SIMPLE_BLOCK = 0xa3;
const BLOCK_GROUP = 0xa0;
const BLOCK = 0xa1;
const DOC_TYPE = 0x4282;
/** Elements the walk descends into rather than skips. */
const CONTAINERS = new Set([SEGMENT, CLUSTER, INFO, BLOCK_GROUP]);

/** The EBML magic number every WebM file starts with. */
export function hasEbmlMagic(bytes: Uint8Array): boolean {
  return EBML_MAGIC.every((b, i) => bytes[i] === b);
}

type Vint = { value: number; length: number; unknown: boolean };

/** An EBML variable-length integer at `at`: `keepMarker` for element ids, which keep their length bits. */
function vint(bytes: Uint8Array, at: number, keepMarker: boolean): Vint | null {
  const first = bytes[at];
  if (first === undefined || first === 0) return null;
  const length = Math.clz32(first) - 23;
  if (length > 8 || at + length > bytes.length) return null;
  let value = keepMarker ? first : first & (0xff >> length);
  let allOnes = value === (0xff >> length);
  for (let i = 1; i < length; i++) {
    value = value * 256 + bytes[at + i];
    if (bytes[at + i] !== 0xff) allOnes = false;
  }
  return { value, length, unknown: !keepMarker && allOnes };
}

const unsigned = (bytes: Uint8Array, at: number, size: number) => {
  let value = 0;
  for (let i = 0; i < size; i++) value = value * 256 + bytes[at + i];
  return value;
};

export type WebmFacts = { docType: string; durationMs: number; blocks: number };

/**
 * The document type and the time of the last block, in milliseconds, or null when the bytes are
 * not a WebM file this walk can read (a truncated or foreign upload is refused, not guessed at).
 */
export function readWebm(bytes: Uint8Array): WebmFacts | null {
  if (!hasEbmlMagic(bytes)) return null;
  let at = 0;
  let docType = "";
  let scale = 1_000_000;
  let clusterTime = 0;
  let lastBlock = -Infinity;
  let blocks = 0;
  // The EBML header first: its DocType says whether this is WebM or another Matroska flavour.
  const headerId = vint(bytes, 0, true)!;
  const headerSize = vint(bytes, headerId.length, false);
  if (!headerSize || headerSize.unknown) return null;
  const headerEnd = headerId.length + headerSize.length + headerSize.value;
  at = headerId.length + headerSize.length;
  while (at < headerEnd) {
    const id = vint(bytes, at, true);
    const size = id && vint(bytes, at + id.length, false);
    if (!id || !size || size.unknown) return null;
    const data = at + id.length + size.length;
    if (id.value === DOC_TYPE) docType = new TextDecoder().decode(bytes.subarray(data, data + size.value)).replace(/\0+$/, "");
    at = data + size.value;
  }
  if (docType !== "webm") return null;
  while (at < bytes.length) {
    const id = vint(bytes, at, true);
    const size = id && vint(bytes, at + id.length, false);
    if (!id || !size) return null;
    const data = at + id.length + size.length;
    if (CONTAINERS.has(id.value)) {
      at = data;
      continue;
    }
    if (size.unknown) return null;
    // A block cut off by the end of the upload still has its timestamp; a header cut off does not.
    if (data + Math.min(size.value, 4) > bytes.length) break;
    if (id.value === TIMECODE_SCALE) scale = unsigned(bytes, data, size.value);
    else if (id.value === CLUSTER_TIMECODE) clusterTime = unsigned(bytes, data, size.value);
    else if (id.value === SIMPLE_BLOCK || id.value === BLOCK) {
      const track = vint(bytes, data, false);
      if (!track) return null;
      const relative = (bytes[data + track.length] << 8) | bytes[data + track.length + 1];
      const signed = relative & 0x8000 ? relative - 0x10000 : relative;
      lastBlock = Math.max(lastBlock, clusterTime + signed);
      blocks++;
    }
    at = data + size.value;
  }
  if (!blocks) return null;
  return { docType, durationMs: Math.round((lastBlock * scale) / 1_000_000), blocks };
}
