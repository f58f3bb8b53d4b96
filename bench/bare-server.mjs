// The floor for logging: a bare node:http server that parses the same JSON body and inserts the
// same attempt row with one prepared statement (better-sqlite3, or pg for a postgres:// URL) — no auth, no framework, no
// attribution. What the app spends above this is what its layers cost.
//
//   node bench/bare-server.mjs DB_FILE|POSTGRES_URL PORT TEAM_ID REP_ID

import http from "node:http";
import Database from "better-sqlite3";
import pg from "pg";

const [location, port, teamId, repId] = process.argv.slice(2);
const INSERT =
  "insert into attempt (team_id, rep_id, prospect_id, at, outcome, script_version_id, notes) values (?, ?, ?, ?, ?, ?, ?) on conflict do nothing returning id";
const VERSION_OF = "select id from script_version where script_id = ? order by number desc limit 1";

/** SQLite: one connection, synchronous statements, as the app's process has. */
function sqliteStore(file) {
  const db = new Database(file);
  db.pragma("journal_mode = WAL");
  db.pragma("synchronous = NORMAL");
  db.pragma("busy_timeout = 5000");
  const insert = db.prepare(INSERT);
  const versionOf = db.prepare(VERSION_OF).pluck();
  return {
    versionOf: async (scriptId) => versionOf.get(scriptId),
    // all(), not get(): get() leaves a RETURNING statement open, so the WAL is never checkpointed
    // and the floor would skip the cost every real server pays.
    insert: async (...values) => insert.all(...values)[0],
  };
}

/** PostgreSQL: a pool as large as the app's, the same two statements prepared by name. */
function postgresStore(url) {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  const numbered = (text) => {
    let n = 0;
    return text.replace(/\?/g, () => `$${++n}`);
  };
  const insert = numbered(INSERT);
  const versionOf = numbered(VERSION_OF);
  return {
    versionOf: async (scriptId) => (await pool.query({ name: "version_of", text: versionOf, values: [scriptId] })).rows[0]?.id,
    insert: async (...values) => (await pool.query({ name: "insert_attempt", text: insert, values })).rows[0],
  };
}

const store = /^postgres(ql)?:\/\//i.test(location) ? postgresStore(location) : sqliteStore(location);

http
  .createServer((request, response) => {
    let body = "";
    request.on("data", (chunk) => (body += chunk));
    request.on("end", async () => {
      try {
        const input = JSON.parse(body).json;
        const version = input.scriptId === undefined ? null : await store.versionOf(input.scriptId);
        const row = await store.insert(teamId, repId, input.prospect.id, Date.now(), input.outcome, version, input.notes ?? null);
        response.writeHead(row ? 200 : 409, { "content-type": "application/json" });
        response.end(JSON.stringify({ result: { data: { json: { id: row?.id ?? null } } } }));
      } catch (error) {
        response.writeHead(500);
        response.end(String(error));
      }
    });
  })
  .listen(Number(port), () => process.stdout.write("ready\n"));
