import type { Actor } from "./actor";
import type { importFile, ImportSummary } from "./imports";

/** What the main thread hands an import worker (server/import-worker.ts) and what it answers. */
export type ImportJob = {
  /** The SQLite file or PostgreSQL URL the worker opens its own connection to. */
  database: string;
  actor: Actor;
  input: Parameters<typeof importFile>[2];
  options: NonNullable<Parameters<typeof importFile>[3]>;
};

export type ImportOutcome = { ok: true; summary: ImportSummary } | { ok: false; error: { name: string; message: string; domain: boolean } };
