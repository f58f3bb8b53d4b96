import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as exportRoute } from "@/app/api/export/[kind]/route";
import { GET as leaderboardCsvRoute } from "@/app/api/leaderboard.csv/route";
import { getDb, type Db } from "@/db/client";
import { session } from "@/db/schema";
import { EXPORT_KINDS } from "@/lib/inputs/imports";
import { givePassword, signIn } from "@/tests/support/signed-in";
import { leakedSecret, teamDigest, twoTeams, type OwnTeam, type VictimTeam } from "@/tests/support/trust";

// The CSV downloads (app/api/export/[kind], app/api/leaderboard.csv) are the one way team data
// leaves the app outside tRPC. Their route handlers are called directly with a Request carrying
// a real better-auth session cookie, made in-process by signing in with a password. The database
// is the process-wide one the routes open (a temp file), exactly as in production.
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ringback-export-isolation-"));
process.env.DATABASE_URL = path.join(dir, "ringback.db");
process.env.BETTER_AUTH_SECRET = "export-isolation-test-secret-0123456789abcdef";
process.env.BETTER_AUTH_URL = "http://localhost:3231";

const ORIGIN = "http://localhost:3231";

let db: Db;
let a: VictimTeam;
let b: OwnTeam;
const cookies: Record<"ownerA" | "ownerB" | "managerB" | "repB", string> = { ownerA: "", ownerB: "", managerB: "", repB: "" };

const get = (url: string, cookie: string | null) => new Request(`${ORIGIN}${url}`, { headers: cookie ? { cookie } : {} });
const exportAs = async (kind: string, cookie: string | null, query = "") => exportRoute(get(`/api/export/${kind}${query}`, cookie), { params: Promise.resolve({ kind }) });
const boardAs = (query: string, cookie: string | null) => leaderboardCsvRoute(get(`/api/leaderboard.csv${query}`, cookie));

beforeAll(async () => {
  db = await getDb();
  ({ a, b } = await twoTeams(db));
  for (const m of [a.team.owner, b.team.owner, b.manager, b.rep]) await givePassword(db, m.user.id);
  cookies.ownerA = await signIn(a.team.owner.user.email);
  cookies.ownerB = await signIn(b.team.owner.user.email);
  cookies.managerB = await signIn(b.manager.user.email);
  cookies.repB = await signIn(b.rep.user.email);
});

afterAll(async () => {
  await db.$close();
  fs.rmSync(dir, { recursive: true, force: true });
});

// Query strings an attacker would try: naming A's team outright, or filtering to A's rows.
const hostileQueries = (): string[] => [
  "",
  `?team=${a.team.id}&teamId=${a.team.id}&organizationId=${a.team.id}`,
  `?team=${a.team.slug}&from=2000-01-01&to=2099-12-31`,
];

describe("CSV exports", () => {
  it.each(EXPORT_KINDS)("%s: team B's manager and owner download only B's rows", async (kind) => {
    const before = await teamDigest(db, a.team.id);
    for (const cookie of [cookies.ownerB, cookies.managerB]) {
      for (const query of hostileQueries()) {
        const response = await exportAs(kind, cookie, query);
        expect(response.status).toBe(200);
        const csv = await response.text();
        expect(leakedSecret(csv, a.secrets), csv).toBeNull();
        expect(csv).toContain(kind === "scripts" ? "Bravo Opener" : "+16465550199");
      }
    }
    // Control: the same download by A's owner holds A's rows, so their absence above is isolation.
    const own = await (await exportAs(kind, cookies.ownerA)).text();
    expect(leakedSecret(own, a.secrets)).not.toBeNull();
    expect(await teamDigest(db, a.team.id)).toEqual(before);
  });

  it("a session whose active team was set to A's still downloads only B's rows", async () => {
    const token = decodeURIComponent(/ringback\.session_token=([^;]+)/.exec(cookies.ownerB)![1]).split(".")[0];
    await db.update(session).set({ activeOrganizationId: a.team.id }).where(eq(session.token, token)).run();
    try {
      for (const kind of EXPORT_KINDS) {
        const csv = await (await exportAs(kind, cookies.ownerB)).text();
        expect(leakedSecret(csv, a.secrets), csv).toBeNull();
      }
      const board = await (await boardAs("?by=script", cookies.ownerB)).text();
      expect(leakedSecret(board, a.secrets), board).toBeNull();
      expect(board).toContain("Bravo Opener");
    } finally {
      await db.update(session).set({ activeOrganizationId: null }).where(eq(session.token, token)).run();
    }
  });

  it("refuses a rep, a signed-out caller and an unknown kind, naming nothing of A's", async () => {
    const refusals = [
      { response: await exportAs("attempts", cookies.repB), status: 403 },
      { response: await exportAs("attempts", null, `?team=${a.team.id}`), status: 401 },
      { response: await exportAs("prospects", cookies.ownerB), status: 404 },
      { response: await boardAs(`?by=script&team=${a.team.id}`, null), status: 401 },
    ];
    for (const { response, status } of refusals) {
      expect(response.status).toBe(status);
      const body = await response.text();
      expect(leakedSecret(body, a.secrets), body).toBeNull();
      expect(body).not.toMatch(/\d/);
    }
  });
});

describe("the leaderboard CSV", () => {
  const views = () => [
    "?by=script",
    "?by=rep",
    "?by=tag",
    "?by=attempt-number",
    "?by=version",
    `?by=script&script=${a.scriptId}`,
    `?by=version&version=${a.versionIds[1]}`,
    `?by=rep&rep=${a.rep.user.id}`,
    `?by=script&tag=acme-secret-tag&team=${a.team.id}`,
    "?by=script&range=custom&from=2000-01-01&to=2099-12-31",
  ];

  it("gives team B's members, rep included, none of A's rows for any view", async () => {
    for (const cookie of [cookies.ownerB, cookies.repB]) {
      for (const view of views()) {
        const response = await boardAs(view, cookie);
        expect(response.status).toBe(200);
        const csv = await response.text();
        expect(leakedSecret(csv, a.secrets), `${view}: ${csv}`).toBeNull();
      }
    }
    // Control: A's owner sees A's script and rep on the same views.
    for (const view of ["?by=script", "?by=rep", "?by=tag"]) {
      expect(leakedSecret(await (await boardAs(view, cookies.ownerA)).text(), a.secrets), view).not.toBeNull();
    }
  });
});
