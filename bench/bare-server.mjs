// The floor for logging: a bare node:http server that parses the same JSON body and inserts the
// same attempt row with one prepared better-sqlite3 statement — no auth, no framework, no
// attribution. What the app spends above this is what its layers cost.
//
//   node bench/bare-server.mjs DB_FILE PORT TEAM_ID REP_ID

import http from "node:http";
import Database from "better-sqlite3";

const [file, port, teamId, repId] = process.argv.slice(2);
const db = new Database(file);
db.pragma("journal_mode = WAL");
db.pragma("synchronous = NORMAL");
db.pragma("busy_timeout = 5000");
const insert = db.prepare(
  "insert into attempt (team_id, rep_id, prospect_id, at, outcome, script_version_id, notes) values (?, ?, ?, ?, ?, ?, ?) on conflict do nothing returning id",
);
const versionOf = db.prepare("select id from script_version where script_id = ? order by number desc limit 1").pluck();

http
  .createServer((request, response) => {
    let body = "";
    request.on("data", (chunk) => (body += chunk));
    request.on("end", () => {
      try {
        const input = JSON.parse(body).json;
        const version = input.scriptId === undefined ? null : versionOf.get(input.scriptId);
        // all(), not get(): get() leaves a RETURNING statement open, so the WAL is never checkpointed
        // and the floor would skip the cost every real server pays.
        const [row] = insert.all(teamId, repId, input.prospect.id, Date.now(), input.outcome, version, input.notes ?? null);
        response.writeHead(row ? 200 : 409, { "content-type": "application/json" });
        response.end(JSON.stringify({ result: { data: { json: { id: row?.id ?? null } } } }));
      } catch (error) {
        response.writeHead(500);
        response.end(String(error));
      }
    });
  })
  .listen(Number(port), () => process.stdout.write("ready\n"));
