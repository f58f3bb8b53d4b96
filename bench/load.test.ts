import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, describe, expect, it } from "vitest";
import { runRound } from "./load";

// A round counts every answer, and a non-2xx one as an error: a server failing requests fast
// must not look like a fast server.

const server = http.createServer((request, response) => {
  response.writeHead(request.url === "/fail" ? 500 : 200);
  response.end("ok");
});
const url = new Promise<string>((resolve) => server.listen(0, "127.0.0.1", () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)));
afterAll(() => server.close());

describe("a load round", () => {
  it("sends the requests asked for and counts their answers", async () => {
    const round = await runRound({ url: await url, headers: {}, connections: 4, seconds: 1, amount: 200, next: () => ({ path: "/" }) });
    expect(round.requests).toBe(200);
    expect(round.errors).toBe(0);
    expect(round.rps).toBeGreaterThan(0);
  });

  it("counts a non-2xx answer as an error", async () => {
    const round = await runRound({ url: await url, headers: {}, connections: 2, seconds: 1, amount: 20, next: () => ({ path: "/fail" }) });
    expect(round.errors).toBe(20);
  });
});
