import type { CallImportInput } from "@/lib/inputs/imports";
import type { Actor } from "./actor";
import type { importCallsFromPage } from "./call-imports";
import type { importFile, ImportSummary } from "./imports";

/** What the main thread hands an import worker (server/import-worker.ts) and what it answers. */
export type ImportJob = {
  /** The SQLite file or PostgreSQL URL the worker opens its own connection to. */
  database: string;
  actor: Actor;
} & (
  | { kind: "file"; input: Parameters<typeof importFile>[2]; options: NonNullable<Parameters<typeof importFile>[3]> }
  /** Another tool's call export, as the import page sends it (History issue). */
  | { kind: "calls"; input: CallImportInput; listLimit: number }
);

export type CallPageSummary = Awaited<ReturnType<typeof importCallsFromPage>>;

export type ImportOutcome = { ok: true; summary: ImportSummary | CallPageSummary } | { ok: false; error: { name: string; message: string; domain: boolean } };
