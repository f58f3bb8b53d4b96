// Each user's statistics reads take turns, a few at a time per server process: a batch of ten
// heavy reads (or several tabs of them) would otherwise hold most of the process's database
// connections and its share of the CPU, and every other user's call would queue behind them.
// Kept in memory on purpose: what it shares out is this process's own pool, and a wait is
// never a refusal — the budgets (request-budget.ts), which are shared, decide those.

export const AT_ONCE_PER_USER = 3;

type Turns = { running: number; waiting: (() => void)[] };
const byUser = new Map<string, Turns>();

/** Runs `work` once fewer than AT_ONCE_PER_USER of `user`'s reads are running here, first come first served. */
export async function inTurn<T>(user: string, work: () => Promise<T>): Promise<T> {
  let turns = byUser.get(user);
  if (!turns) byUser.set(user, (turns = { running: 0, waiting: [] }));
  if (turns.running >= AT_ONCE_PER_USER) await new Promise<void>((resolve) => turns.waiting.push(resolve));
  else turns.running++;
  try {
    return await work();
  } finally {
    const next = turns.waiting.shift();
    // The place passes straight to the next in line, so `running` stays counted.
    if (next) next();
    else if (--turns.running === 0) byUser.delete(user);
  }
}
