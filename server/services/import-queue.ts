import fs from "node:fs";
import path from "node:path";
import { Worker } from "node:worker_threads";
import type { Db } from "@/db/client";
import type { Actor } from "./actor";
import { Conflict, DomainError, Forbidden, Invalid, NotFound } from "./errors";
import type { CallImportInput } from "@/lib/inputs/imports";
import { importCallsFromPage } from "./call-imports";
import { importFile, type ImportSummary } from "./imports";
import type { CallPageSummary, ImportJob, ImportOutcome } from "./import-worker-protocol";

// Web imports off the request thread (issue 11, item 2): a legal 49 MB dry run used to hold every
// team for 18.8 s. Each import runs in a worker thread with its own database connection, one at a
// time per team (a team's second file waits for its first), while the main thread keeps answering.
// Without the bundled worker (`next dev`, tests through createCaller) imports run inline.

/** Bundled by scripts/build.mjs beside the production server. */
export const IMPORT_WORKER_BUNDLE = path.join(".next", "ringback-import-worker.cjs");

let workerFile: string | null = null;
const queues = new Map<string, Promise<unknown>>();

/** Called by the production server: from now on imports run in worker threads. */
export function startImportWorkers(file = path.resolve(IMPORT_WORKER_BUNDLE)) {
  if (!fs.existsSync(file)) throw new Error(`The import worker is missing at ${file}; run npm run build.`);
  workerFile = file;
}

type FileJob = Extract<ImportJob, { kind: "file" }>;

const DOMAIN_ERRORS = { NotFound, Forbidden, Conflict, Invalid } as Record<string, new (message: string) => DomainError>;

/** `T`: the summary the job's service function returns. */
function inWorker<T extends ImportSummary | CallPageSummary>(file: string, job: ImportJob): Promise<T> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(file, { workerData: job });
    let settled = false;
    worker.once("message", (outcome: ImportOutcome) => {
      settled = true;
      if (outcome.ok) return resolve(outcome.summary as T);
      const Type = outcome.error.domain ? DOMAIN_ERRORS[outcome.error.name] : undefined;
      reject(Type ? new Type(outcome.error.message) : new Error(`Import worker failed: ${outcome.error.message}`));
    });
    worker.once("error", (error) => {
      settled = true;
      reject(error);
    });
    worker.once("exit", (code) => {
      if (!settled) reject(new Error(`Import worker exited with code ${code} before answering.`));
    });
  });
}

/**
 * Runs `work` after every earlier import of the same team in this process has finished. Across
 * processes on one database, SQLite's single write lock already takes their writing in turn.
 */
function queuedForTeam<T>(teamId: string, work: () => Promise<T>): Promise<T> {
  const before = queues.get(teamId) ?? Promise.resolve();
  const run = before.catch(() => undefined).then(work);
  const tail = run.catch(() => undefined);
  queues.set(teamId, tail);
  void tail.then(() => {
    if (queues.get(teamId) === tail) queues.delete(teamId);
  });
  return run;
}

/** The import page's entry point: the file checked or written as `importFile` does, off the main thread. */
export function runImport(db: Db, actor: Actor, input: FileJob["input"], options: FileJob["options"] = {}): Promise<ImportSummary> {
  const file = workerFile;
  return queuedForTeam(actor.teamId, async () => {
    if (!file) return importFile(db, actor, input, options);
    return inWorker<ImportSummary>(file, { database: db.$location, actor, kind: "file", input, options });
  });
}

/** The import page's entry for another tool's call export: `importCallsFromPage`, off the main thread, in the team's queue. */
export function runCallImport(db: Db, actor: Actor, input: CallImportInput, listLimit: number): Promise<CallPageSummary> {
  const file = workerFile;
  return queuedForTeam(actor.teamId, async () => {
    if (!file) return importCallsFromPage(db, actor, input, listLimit);
    return inWorker<CallPageSummary>(file, { database: db.$location, actor, kind: "calls", input, listLimit });
  });
}
