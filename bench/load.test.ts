import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, describe, expect, it } from "vitest";
import { runRound } from "./load";

// Two workers are measured by splitting the connections between their servers: both must get
// load, each with its own headers, and the round counts every answer of both.

const seen: { server: number; origin: string | undefined }[] = [];
const servers = [0, 1].map((n) =>
  http.createServer((request, response) => {
    seen.push({ server: n, origin: request.headers.origin });
    response.writeHead(n === 1 && request.url === "/fail" ? 500 : 200);
    response.end("ok");
  }),
);
const urls = Promise.all(servers.map((s) => new Promise<string>((resolve) => s.listen(0, "127.0.0.1", () => resolve(`http://127.0.0.1:${(s.address() as AddressInfo).port}`)))));
afterAll(() => servers.forEach((s) => s.close()));

describe("a load round across several servers", () => {
  it("splits the connections and the requests between them, with each one's headers", async () => {
    const [a, b] = await urls;
    const targets = [a, b].map((url) => ({ url, headers: { origin: url } }));
    const round = await runRound({ url: a, targets, headers: {}, connections: 4, seconds: 1, amount: 200, next: () => ({ path: "/" }) });
    expect(round.requests).toBe(200);
    expect(round.errors).toBe(0);
    const counts = [0, 1].map((n) => seen.filter((s) => s.server === n).length);
    expect(counts).toEqual([100, 100]);
    expect(seen.every((s) => s.origin === (s.server === 0 ? a : b))).toBe(true);
  });

  it("counts a non-2xx answer of any server as an error", async () => {
    const [a, b] = await urls;
    const targets = [a, b].map((url) => ({ url, headers: {} }));
    const round = await runRound({ url: a, targets, headers: {}, connections: 2, seconds: 1, amount: 20, next: () => ({ path: "/fail" }) });
    expect(round.errors).toBe(10);
  });
});
