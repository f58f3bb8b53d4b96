// One web import in a worker thread (server/services/import-queue.ts): its own connection to the
// database, the same service the CLI and inline imports use, one answer, then the thread ends.
import os from "node:os";
import { parentPort, workerData } from "node:worker_threads";
import { openDatabase } from "@/db/client";
import { DomainError } from "@/server/services/errors";
import { importCallsFromPage } from "@/server/services/call-imports";
import { importFile } from "@/server/services/imports";
import type { ImportJob, ImportOutcome } from "@/server/services/import-worker-protocol";

// On Linux each thread has its own nice value: the import yields the CPU to the request thread
// (on two cores it otherwise took the bystanders' p95 from 46 ms to 360 ms under load).
try {
  os.setPriority(10);
} catch {
  // Not permitted here (some containers): the import simply competes as an equal.
}

async function runJob(job: ImportJob): Promise<ImportOutcome> {
  const db = await openDatabase(job.database);
  try {
    return { ok: true, summary: job.kind === "calls" ? await importCallsFromPage(db, job.actor, job.input, job.listLimit) : await importFile(db, job.actor, job.input, job.options) };
  } catch (error) {
    const e = error instanceof Error ? error : new Error(String(error));
    return { ok: false, error: { name: e.name, message: e.message, domain: e instanceof DomainError } };
  } finally {
    await db.$close();
  }
}

void runJob(workerData as ImportJob).then((outcome) => parentPort!.postMessage(outcome));
