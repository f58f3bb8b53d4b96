import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import zlib from "node:zlib";

// Page figures: Lighthouse's desktop preset on a signed-in page, and the first-load JavaScript of
// each route as the build wrote it down, gzipped the way a server would send it.

const run = promisify(execFile);

export const CHROME_FLAGS = "--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage --no-first-run";

export type PageFigures = { performance: number; lcpMs: number; tbtMs: number };

export async function lighthouse(url: string, cookie: string): Promise<PageFigures> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ringback-lh-"));
  const headers = path.join(dir, "headers.json");
  const report = path.join(dir, "report.json");
  fs.writeFileSync(headers, JSON.stringify({ Cookie: cookie }));
  try {
    await run(
      process.execPath,
      [
        path.resolve("node_modules/lighthouse/cli/index.js"),
        url,
        "--preset=desktop",
        "--only-categories=performance",
        "--output=json",
        `--output-path=${report}`,
        `--extra-headers=${headers}`,
        `--chrome-flags=${CHROME_FLAGS}`,
        "--quiet",
      ],
      { env: { ...process.env, CHROME_PATH: process.env.CHROME_PATH ?? "/usr/bin/chromium" }, maxBuffer: 64 * 1024 * 1024, timeout: 180_000 },
    );
    const lhr = JSON.parse(fs.readFileSync(report, "utf8"));
    if (lhr.runtimeError) throw new Error(`Lighthouse: ${lhr.runtimeError.message}`);
    if (lhr.finalDisplayedUrl && new URL(lhr.finalDisplayedUrl).pathname !== new URL(url).pathname) {
      throw new Error(`Lighthouse landed on ${lhr.finalDisplayedUrl}, not ${url}: the session cookie was not accepted`);
    }
    return {
      performance: Math.round(lhr.categories.performance.score * 100),
      lcpMs: Math.round(lhr.audits["largest-contentful-paint"].numericValue),
      tbtMs: Math.round(lhr.audits["total-blocking-time"].numericValue),
    };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

type RouteStats = { route: string; firstLoadUncompressedJsBytes?: number; firstLoadChunkPaths?: string[] };

/** First-load JS per App Router route, in KB gzip, from `.next/diagnostics/route-bundle-stats.json`. */
export function firstLoadJs(): Map<string, number> {
  const file = path.resolve(".next/diagnostics/route-bundle-stats.json");
  const sizes = new Map<string, number>();
  if (!fs.existsSync(file)) return sizes;
  const stats = JSON.parse(fs.readFileSync(file, "utf8")) as RouteStats[];
  const gzipped = new Map<string, number>();
  const gzipOf = (chunk: string) => {
    let size = gzipped.get(chunk);
    if (size === undefined) {
      const resolved = path.resolve(chunk.startsWith(".next") ? chunk : path.join(".next", chunk));
      size = fs.existsSync(resolved) ? zlib.gzipSync(fs.readFileSync(resolved), { level: 9 }).length : 0;
      gzipped.set(chunk, size);
    }
    return size;
  };
  for (const entry of stats) {
    const chunks = entry.firstLoadChunkPaths ?? [];
    sizes.set(entry.route, chunks.reduce((sum, c) => sum + gzipOf(c), 0) / 1024);
  }
  return sizes;
}
