import { inArray } from "drizzle-orm";
import { getDb, type Db } from "@/db/client";
import { teamChange } from "@/db/schema";

// The push behind the live boards (issue 14). Triggers move a team's team_change counters in the
// same transaction as every dial or callback write, on any path and in any process or machine;
// each server process runs ONE watcher that reads the counters of the teams with open streams
// (one primary-key read per tick, nothing held between ticks, so writers never wait on it) and
// tells that process's streams what moved. With no stream open it stops reading.

export type ChangeKind = "dial" | "callback";
export type TeamChangeEvent = { seq: number; kinds: ChangeKind[] };
type Listener = (change: TeamChangeEvent) => void;
type Counters = { seq: number; dialSeq: number; callbackSeq: number };

const NONE: Counters = { seq: 0, dialSeq: 0, callbackSeq: 0 };

/** How often a process's watcher reads the counters while any stream is open. */
export const WATCH_INTERVAL_MS = 400;

export type ChangeWatcher = {
  /** Resolves once the team's current counters are known, so only later writes are reported. */
  subscribe(teamId: string, listener: Listener): Promise<() => void>;
  /** Open subscriptions, all teams. */
  size(): number;
  stop(): void;
};

async function countersOf(db: Db, teamIds: string[]): Promise<Map<string, Counters>> {
  const rows = await db
    .select({ teamId: teamChange.teamId, seq: teamChange.seq, dialSeq: teamChange.dialSeq, callbackSeq: teamChange.callbackSeq })
    .from(teamChange)
    .where(inArray(teamChange.teamId, teamIds))
    .all();
  return new Map(rows.map((r) => [r.teamId, { seq: Number(r.seq), dialSeq: Number(r.dialSeq), callbackSeq: Number(r.callbackSeq) }]));
}

export function createChangeWatcher(db: Db, intervalMs = WATCH_INTERVAL_MS): ChangeWatcher {
  const listeners = new Map<string, Set<Listener>>();
  const seen = new Map<string, Counters>();
  let timer: ReturnType<typeof setTimeout> | null = null;
  let stopped = false;

  const schedule = () => {
    if (timer || stopped || listeners.size === 0) return;
    timer = setTimeout(() => void tick(), intervalMs);
    timer.unref?.();
  };

  async function tick() {
    try {
      const teams = [...listeners.keys()];
      if (teams.length === 0) return;
      const now = await countersOf(db, teams);
      for (const teamId of teams) {
        const before = seen.get(teamId);
        const after = now.get(teamId) ?? NONE;
        if (!before || after.seq === before.seq) continue;
        seen.set(teamId, after);
        const kinds: ChangeKind[] = [];
        if (after.dialSeq !== before.dialSeq) kinds.push("dial");
        if (after.callbackSeq !== before.callbackSeq) kinds.push("callback");
        for (const listener of listeners.get(teamId) ?? []) listener({ seq: after.seq, kinds });
      }
    } catch (error) {
      // A failed read (a restart of the database, a full pool) skips one tick, not the feed.
      console.error("Live feed: reading the change counters failed:", error);
    } finally {
      timer = null;
      schedule();
    }
  }

  return {
    async subscribe(teamId, listener) {
      if (!seen.has(teamId)) seen.set(teamId, (await countersOf(db, [teamId])).get(teamId) ?? NONE);
      const set = listeners.get(teamId) ?? new Set();
      set.add(listener);
      listeners.set(teamId, set);
      schedule();
      return () => {
        set.delete(listener);
        if (set.size > 0) return;
        listeners.delete(teamId);
        seen.delete(teamId);
      };
    },
    size: () => [...listeners.values()].reduce((n, s) => n + s.size, 0),
    stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      listeners.clear();
    },
  };
}

let processWatcher: Promise<ChangeWatcher> | null = null;

/** The one watcher of this server process, over its shared database handle. */
export function liveWatcher(): Promise<ChangeWatcher> {
  processWatcher ??= getDb().then((db) => createChangeWatcher(db));
  return processWatcher;
}
