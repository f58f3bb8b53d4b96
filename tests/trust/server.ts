import { startProductionServer, stopProductionServer, type ProductionServer } from "@/tests/support/production-server";

// The trust suite's production server (tests/support/production-server.ts), with its own secret.

export type RunningServer = ProductionServer;

export const startServer = (dbFile: string, port: number, env: Record<string, string> = {}) =>
  startProductionServer(dbFile, port, { secret: "trust-suite-secret-0123456789-abcdefghijklmnop", timeoutMs: 60_000, env });

export const stopServer = stopProductionServer;

/** The port a trust test listens on: `TRUST_PORT` when set (so parallel clones never collide), else its own default. */
export function trustPort(fallback: number): number {
  const chosen = Number(process.env.TRUST_PORT);
  return Number.isInteger(chosen) && chosen > 0 ? chosen : fallback;
}
