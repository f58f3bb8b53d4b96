import type { Db } from "./client";

/** A transaction handle: services pass it down so one write spans its rows atomically. */
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];
/** Anything that can run a query: the database or an open transaction. */
export type Queryable = Db | Tx;

/** The engine under a database or transaction handle, for the seams that differ per engine. */
export function engineOf(q: Queryable): "sqlite" | "postgres" {
  return (q as { $engine?: "sqlite" | "postgres" }).$engine ?? "sqlite";
}
