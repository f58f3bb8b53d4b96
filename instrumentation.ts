// Opens (creating and migrating) the database when the server starts, so the first request
// doesn't pay for it and a broken database fails the start, not a user's click.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { getDb } = await import("./db/client");
    await getDb();
  }
}
