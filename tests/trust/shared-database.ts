import { sql } from "drizzle-orm";
import { createTRPCClient, httpLink } from "@trpc/client";
import superjson from "superjson";
import { openDatabase } from "@/db/client";
import type { AppRouter } from "@/server/routers/_app";

// Several server processes over one database, on either engine: the stored rows read back at a
// SQLite file or a postgres:// URL alike, and one process's session cookie taken to another.

/** Every attempt and callback id stored at `location`. */
export async function storedWriteIds(location: string) {
  const db = await openDatabase(location);
  try {
    const ids = async (table: "attempt" | "callback") =>
      ((await db.all(sql.raw(`select id from ${table}`))) as { id: number }[]).map((row) => Number(row.id));
    return { attempts: new Set(await ids("attempt")), callbacks: new Set(await ids("callback")) };
  } finally {
    await db.$close();
  }
}

/** A typed client on `baseUrl` carrying a session cookie obtained anywhere (another process's sign-in). */
export const clientWithCookie = (baseUrl: string, cookie: string) =>
  createTRPCClient<AppRouter>({
    links: [httpLink({ url: `${baseUrl}/api/trpc`, transformer: superjson, headers: { cookie, origin: baseUrl } })],
  });
