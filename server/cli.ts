// The `ringback` command-line tool (DESIGN.md, "Command-line tool and file formats"): a thin
// shell over the same services the web app calls. Every command exits 0 on success, and
// otherwise non-zero with a one-line reason on stderr.

import { Command } from "commander";
import { ZodError } from "zod";
import { openDatabase, openDatabaseReadOnly, type Db } from "@/db/client";
import { databaseLocation, describeLocation } from "@/db/location";
import { restorePostgres } from "@/server/services/backup-postgres";
import { DEMO_PASSWORD, DEMO_PEOPLE, DEMO_TEAM, demoUrl, seedDemo } from "@/db/seed";
import { LEADERBOARD_DIMENSIONS, leaderboardInput } from "@/lib/inputs/leaderboard";
import { ROLES, TEAM_DEFAULTS } from "@/lib/vocabulary";
import { backupDatabase, restoreDatabase } from "@/server/services/backup";
import { experimentsCsv } from "@/server/services/experiments-csv";
import { leaderboardCsv } from "@/server/services/leaderboard-csv";
import { listOutbox } from "@/server/services/mail";
import { addUserToTeam, createTeamWithOwner } from "@/server/services/members";
import { describeDifference, problemCount, verifyDatabase } from "@/server/services/verify";
import { migrateToPostgres } from "@/server/services/postgres-migration";
import { IMPORT_KINDS } from "@/lib/inputs/imports";
import { describeImport, describeRejection, progressBar, readCsvFile, writeOutput } from "@/server/cli-files";
import type { Actor } from "@/server/services/actor";
import { exportAttempts, exportCallbacks, exportScripts } from "@/server/services/exports";
import { importAttempts, importCallbacks } from "@/server/services/imports";
import { importCalls, importSucceeded } from "@/server/services/call-imports";
import { SOURCE_IDS } from "@/server/domain/call-sources/source";
import { callImportJson, describeCallImport, describeCallRejection } from "@/server/cli-calls";
import { teamOwnerActor } from "@/server/services/owner-actor";
import { createApiKey, listApiKeys, revokeApiKey } from "@/server/services/api-keys";

/** Service field names as the options that carry them, so a validation message names the flag. */
const FLAGS: Record<string, string> = { teamSlug: "--team" };
const flagFor = (field: PropertyKey) => FLAGS[String(field)] ?? `--${String(field).replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;

function reason(error: unknown): string {
  const text =
    error instanceof ZodError
      ? error.issues.map((i) => `${i.path.length ? `${flagFor(i.path[0])}: ` : ""}${i.message.replace(/\.$/, "")}`).join("; ")
      : error instanceof Error
        ? error.message
        : String(error);
  return text.replace(/\s+/g, " ").trim();
}

/** Runs one command, turning any failure into `ringback: <reason>` and a non-zero exit code. */
async function run(work: () => Promise<void> | void) {
  try {
    await work();
  } catch (error) {
    process.stderr.write(`ringback: ${reason(error)}\n`);
    process.exitCode = 1;
  }
}

async function withDatabase(open: () => Promise<Db>, work: (db: Db) => Promise<void> | void) {
  const db = await open();
  try {
    await work(db);
  } finally {
    await db.$close();
  }
}

// A closed pipe (`ringback export … | head`) ends the output, not the process with a stack trace.
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
  throw error;
});

const note = (message: string) => process.stderr.write(`note: ${message}\n`);
const count = (n: number) => n.toLocaleString("en-US");

const program = new Command("ringback")
  .description(`Ringback from the command line, on the database at DATABASE_URL (now ${describeLocation(databaseLocation())}).`)
  .configureOutput({ outputError: (text, write) => write(`ringback: ${text.replace(/^error: /, "").trim()}\n`) })
  .showHelpAfterError(false);

const team = program.command("team").description("teams");
team
  .command("create")
  .description("create a team and its owner, a new account; prints the team's slug")
  .requiredOption("--name <name>", "team name")
  .requiredOption("--owner-email <email>", "owner's email (an address that already has an account is refused)")
  .requiredOption("--owner-password <password>", "owner's password, at least 8 characters")
  .option("--owner-name <name>", "owner's display name (default: from the email)")
  .option("--timezone <tz>", "IANA time zone the team's days and hours use", TEAM_DEFAULTS.timezone)
  .action((opts) =>
    run(() =>
      withDatabase(openDatabase, async (db) => {
        const created = await createTeamWithOwner(db, {
          name: opts.name,
          timezone: opts.timezone,
          ownerEmail: opts.ownerEmail,
          ownerPassword: opts.ownerPassword,
          ownerName: opts.ownerName,
        });
        console.log(created.slug);
      }),
    ),
  );

const user = program.command("user").description("users and memberships");
user
  .command("add")
  .description("add a new user to a team; an existing account is mailed an invite it must accept instead")
  .requiredOption("--team <slug>", "the team's slug")
  .requiredOption("--email <email>", "the user's email")
  .requiredOption("--name <name>", "the user's name (used when the user is created)")
  .requiredOption("--role <role>", ROLES.join(" | "))
  .option("--password <password>", "password for a new user (default: generated and printed)")
  .option("--phone <phone>", "phone number read out in scripts")
  .action((opts) =>
    run(() =>
      withDatabase(openDatabase, async (db) => {
        const added = await addUserToTeam(db, {
          teamSlug: opts.team,
          email: opts.email,
          name: opts.name,
          role: opts.role,
          password: opts.password,
          phone: opts.phone,
        });
        if (added.outcome === "invited") {
          const where = added.mailedVia === "smtp" ? "mailed to it" : "put in the outbox (`ringback outbox`)";
          console.log(
            `${added.email} already has an account, so it was not added. Invited it to join ${added.teamSlug} as ${added.role} instead; ` +
              `it must accept signed in from its verified address. The invite was ${where}: ${added.inviteUrl}`,
          );
          if (opts.password !== undefined || opts.phone !== undefined) note("--password and --phone are not used for an existing account.");
          return;
        }
        console.log(`created user ${added.email}${added.generatedPassword ? ` with password ${added.generatedPassword}` : ""}`);
        console.log(`added ${added.email} to ${added.teamSlug} as ${added.role}${added.phone ? ` (phone ${added.phone})` : ""}`);
      }),
    ),
  );

program
  .command("outbox")
  .description("the mail waiting in the outbox (verification links, invites) when SMTP_URL is not set")
  .option("--to <email>", "only mail to this address")
  .option("--json", "as JSON lines")
  .action((opts) =>
    run(() =>
      withDatabase(openDatabaseReadOnly, async (db) => {
        const mails = await listOutbox(db, opts.to);
        if (opts.json) {
          for (const mail of mails) console.log(JSON.stringify({ ...mail, createdAt: mail.createdAt.toISOString() }));
          return;
        }
        if (mails.length === 0) note(opts.to ? `no mail to ${opts.to} in the outbox` : "the outbox is empty");
        for (const mail of mails) console.log(`To: ${mail.to}\nDate: ${mail.createdAt.toISOString()}\nSubject: ${mail.subject}\n\n${mail.text}\n\n---`);
      }),
    ),
  );

program
  .command("seed")
  .description("create demo data")
  .option("--demo", "the demo team with reps, scripts and months of history")
  .action((opts) =>
    run(() => {
      if (!opts.demo) throw new Error("nothing to seed: pass --demo");
      return withDatabase(openDatabase, async (db) => {
        const seeded = await seedDemo(db);
        if (seeded.created) {
          console.log(
            `Created team “${DEMO_TEAM.name}” (slug ${seeded.slug}): ${seeded.users} users, ${seeded.scripts} scripts ` +
              `(${seeded.scriptVersions} versions), ${count(seeded.prospects)} prospects, ${count(seeded.attempts)} attempts ` +
              `(${count(seeded.voicemails)} voicemails, ${count(seeded.returned)} returned), ${count(seeded.callbacks)} callbacks ` +
              `in ${(seeded.milliseconds / 1000).toFixed(1)} s.`,
          );
        } else {
          console.log(`The demo team is already there (slug ${DEMO_TEAM.slug}); nothing changed.`);
        }
        console.log(`\nSign in at ${demoUrl()} with password ${DEMO_PASSWORD} as any of:`);
        for (const person of DEMO_PEOPLE) console.log(`  ${person.email.padEnd(28)} ${person.role.padEnd(8)} ${person.name}`);
      });
    }),
  );

program
  .command("backup")
  .description("consistent online backup of the database to FILE")
  .argument("<file>", "where to write the backup")
  .action((file: string) =>
    run(() =>
      withDatabase(openDatabaseReadOnly, async (db) => {
        if (file === "-") throw new Error("backup needs a file path, not -");
        const written = await backupDatabase(db, file);
        console.log(`backed up ${describeLocation(databaseLocation())} to ${written.file} (${count(written.bytes)} bytes)`);
      }),
    ),
  );

program
  .command("restore")
  .description("replace the database with the backup in FILE")
  .argument("<file>", "a file written by `ringback backup`")
  .option("--force", "replace an existing database")
  .action((file: string, opts) =>
    run(async () => {
      const location = databaseLocation();
      const options = { force: Boolean(opts.force) };
      const restored = location.engine === "postgres" ? await restorePostgres(file, location.url, options) : await restoreDatabase(file, location.file, options);
      console.log(`restored ${file} to ${describeLocation(location)} (${count(restored.bytes)} bytes)`);
    }),
  );

program
  .command("verify")
  .description("integrity check, and every derived number recomputed and compared with the stored one")
  .action(() =>
    run(() =>
      withDatabase(openDatabaseReadOnly, async (db) => {
        const report = await verifyDatabase(db);
        const { checked } = report;
        console.log(`integrity_check: ${report.integrity.length ? `${report.integrity.length} problems` : "ok"}`);
        for (const line of report.integrity) console.log(`  ${line}`);
        console.log(`foreign_key_check: ${report.foreignKeys.length ? `${report.foreignKeys.length} problems` : "ok"}`);
        for (const line of report.foreignKeys) console.log(`  ${line}`);
        console.log(
          `attribution recomputed: ${count(checked.teams)} team${checked.teams === 1 ? "" : "s"}, ${count(checked.prospects)} prospects, ` +
            `${count(checked.attempts)} attempts (${count(checked.voicemails)} voicemails), ${count(checked.callbacks)} callbacks`,
        );
        console.log(`rollups recounted: ${count(checked.rollups)} counters`);
        for (const d of report.differences) console.log(`  ${describeDifference(d)}`);
        console.log(`${count(report.differences.length)} differences`);
        const problems = problemCount(report);
        if (problems > 0) throw new Error(`verify found ${count(problems)} problem${problems === 1 ? "" : "s"}`);
      }),
    ),
  );

program
  .command("migrate")
  .description("copy a SQLite database into an empty PostgreSQL database from one snapshot, then prove it: verify on both, identical CSV exports")
  .requiredOption("--to <url>", "the empty PostgreSQL database (postgres://…); its schema is created first")
  .option("--from <file>", "the SQLite database to copy (default: the one DATABASE_URL names)")
  .action((opts) =>
    run(async () => {
      const configured = databaseLocation();
      if (!opts.from && configured.engine !== "sqlite") throw new Error("DATABASE_URL names a PostgreSQL database; pass the SQLite file to copy with --from FILE.");
      const from: string = opts.from ?? (configured.engine === "sqlite" ? configured.file : "");
      const { copied, copySeconds, proof } = await migrateToPostgres(from, opts.to);
      const rows = copied.reduce((sum, t) => sum + t.rows, 0);
      console.log(`copied ${count(rows)} rows in ${copied.length} tables from ${from} to ${describeLocation(databaseLocation(opts.to))} in ${copySeconds.toFixed(1)} s`);
      for (const t of copied.filter((c) => c.rows > 0)) console.log(`  ${t.table.padEnd(24)} ${count(t.rows).padStart(12)}`);
      console.log(`verify: ${count(proof.sourceProblems)} problems in the source, ${count(proof.targetProblems)} in the target`);
      console.log(
        `exports (attempts, callbacks, scripts, leaderboard by script and by rep) of ${count(proof.teams)} team${proof.teams === 1 ? "" : "s"}: ` +
          `${count(proof.compared - proof.differing.length)} of ${count(proof.compared)} identical on both engines (${count(proof.bytes)} bytes)`,
      );
      for (const line of proof.differing) console.log(`  differs: ${line}`);
      if (proof.sourceProblems + proof.targetProblems > 0 || proof.differing.length > 0) throw new Error("the copy could not be proved identical; see above");
    }),
  );

// CSV import and export (DESIGN.md, "Command-line tool and file formats"), acting as the team's owner.
const IMPORTERS = { attempts: importAttempts, callbacks: importCallbacks } as const;
const importing = program.command("import").description("import a CSV file into a team, all or nothing (`-` reads stdin)");
for (const kind of IMPORT_KINDS) {
  const command = importing
    .command(kind)
    .description(kind === "attempts" ? "import a call log CSV" : "import a callbacks CSV; attribution runs as for live entries")
    .argument("<file>", "CSV file, or - for stdin")
    .requiredOption("--team <slug>", "the team's slug")
    .option("--dry-run", "check the file and report what would happen, writing nothing");
  if (kind === "attempts") command.option("--create-missing", "create scripts the file names but the team lacks (reps must already be members)");
  command.action((file: string, opts) =>
    run(() =>
      withDatabase(openDatabase, async (db) => {
        const actor = await teamOwnerActor(db, opts.team);
        const text = await readCsvFile(file);
        const progress = progressBar(text.length);
        const started = performance.now();
        const summary = await IMPORTERS[kind](db, actor, text, { createMissing: Boolean(opts.createMissing), dryRun: Boolean(opts.dryRun), onProgress: progress.onProgress });
        progress.done();
        if (summary.errorCount) {
          for (const error of summary.errors) process.stderr.write(`line ${error.line}: ${error.reason}\n`);
          throw new Error(describeRejection(summary));
        }
        console.log(describeImport(summary, (performance.now() - started) / 1000));
      }),
    ),
  );
}

const CALL_SOURCE_CHOICES = ["auto", ...SOURCE_IDS].join("|");
importing
  .command("calls")
  .description("import another tool's call export as it is (HubSpot, Salesforce, Close, Pipedrive, Aircall, Twilio or Ringback's attempts)")
  .argument("<file>", "CSV file, or - for stdin")
  .requiredOption("--team <slug>", "the team's slug")
  .option("--source <source>", CALL_SOURCE_CHOICES, "auto")
  .option("--rep <email>", "credit every dial whose rep the file does not name (or no member matches) to this member")
  .option("--rep-map <file>", "CSV with header external,email: a rep as the file names them (id, name, phone) and a member's email")
  .option("--script <title>", "credit every voicemail to this script (created when missing) instead of “Script not recorded”")
  .option("--dry-run", "check the file and report what would happen, writing nothing")
  .option("--json", "print the summary as one JSON object on stdout")
  .action((file: string, opts) =>
    run(() =>
      withDatabase(openDatabase, async (db) => {
        if (!(["auto", ...SOURCE_IDS] as string[]).includes(opts.source)) throw new Error(`--source must be one of ${CALL_SOURCE_CHOICES}`);
        const actor = await teamOwnerActor(db, opts.team);
        const text = await readCsvFile(file);
        const repMap = opts.repMap ? await readCsvFile(opts.repMap) : undefined;
        const summary = await importCalls(db, actor, text, { source: opts.source, rep: opts.rep, repMap, script: opts.script, dryRun: Boolean(opts.dryRun) });
        if (opts.json) console.log(JSON.stringify(callImportJson(summary)));
        else console.log(describeCallImport(summary));
        if (!importSucceeded(summary)) {
          if (!opts.json) for (const error of summary.errors) process.stderr.write(`line ${error.line}: ${error.reason}\n`);
          throw new Error(describeCallRejection(summary));
        }
      }),
    ),
  );

const exporting = program.command("export").description("a team's data as CSV in the import format, on stdout unless -o FILE");
type ExportOptions = { team: string; from?: string; to?: string; output?: string } & Record<string, unknown>;

/** One `export` subcommand with the shared options; returns it so a kind can add its own options. */
function exportCommand(name: string, description: string, produce: (db: Db, actor: Actor, opts: ExportOptions) => Promise<string>) {
  return exporting
    .command(name)
    .description(description)
    .requiredOption("--team <slug>", "the team's slug")
    .option("--from <date>", "first day (YYYY-MM-DD in the team's time zone) or an ISO 8601 instant")
    .option("--to <date>", "last day, included (YYYY-MM-DD), or an ISO 8601 instant, excluded")
    .option("-o, --output <file>", "write to FILE instead of stdout (- is stdout)")
    .action((opts: ExportOptions) =>
      run(() => withDatabase(openDatabaseReadOnly, async (db) => writeOutput(opts.output, await produce(db, await teamOwnerActor(db, opts.team), opts)))),
    );
}

exportCommand("attempts", "every dial, in the `import attempts` format", (db, actor, opts) => exportAttempts(db, actor, opts));
exportCommand("callbacks", "every callback, in the `import callbacks` format", (db, actor, opts) => exportCallbacks(db, actor, opts));
exportCommand("scripts", "the script library with each script's latest body (--from/--to do not apply)", (db, actor) => exportScripts(db, actor));
exportCommand("leaderboard", "the leaderboard (by,key,label,voicemails,returned,rate,ci_low,ci_high,appointments,median_minutes_to_callback,ranked,rank); --from/--to as YYYY-MM-DD", (db, actor, opts) => {
  if (!(LEADERBOARD_DIMENSIONS as readonly string[]).includes(String(opts.by))) throw new Error(`--by must be one of ${LEADERBOARD_DIMENSIONS.join(", ")}`);
  const bounded = opts.from !== undefined || opts.to !== undefined;
  return leaderboardCsv(db, actor, leaderboardInput.parse({ by: opts.by, range: bounded ? "custom" : "all", from: opts.from, to: opts.to }));
}).requiredOption("--by <dimension>", LEADERBOARD_DIMENSIONS.join(" | "));

exportCommand("experiments", "every experiment's arms (experiment,status,arm,script,assigned,voicemails,returned,rate,ci_low,ci_high,always_valid_p,verdict); --from/--to do not apply", (db, actor) =>
  experimentsCsv(db, actor),
);

// Team API keys (issue 14), made by the team's owner: `create` prints only the key, so
// `KEY=$(ringback apikey create …)` captures it.
const apikey = program.command("apikey").description("team API keys for the REST API (/api/v1)");
apikey
  .command("create")
  .description("create a key and print it (only the key, on stdout; it is shown this once)")
  .requiredOption("--team <slug>", "the team's slug")
  .requiredOption("--name <name>", "what the key is for")
  .option("--role <role>", "rep | manager (a rep key acts as the team's owner but may log only the owner's own dials)", "rep")
  .action((opts) =>
    run(() =>
      withDatabase(openDatabase, async (db) => {
        if (!["rep", "manager"].includes(opts.role)) throw new Error("--role must be rep or manager");
        const created = await createApiKey(db, await teamOwnerActor(db, opts.team), { name: opts.name, role: opts.role });
        console.log(created.key);
      }),
    ),
  );
apikey
  .command("list")
  .description("the team's keys: prefix, name, role, creator, last use (revoked ones marked)")
  .requiredOption("--team <slug>", "the team's slug")
  .action((opts) =>
    run(() =>
      withDatabase(openDatabaseReadOnly, async (db) => {
        const keys = await listApiKeys(db, await teamOwnerActor(db, opts.team));
        if (keys.length === 0) note(`team ${opts.team} has no API keys`);
        for (const k of keys) {
          const used = k.lastUsedAt ? `last used ${k.lastUsedAt.toISOString()}` : "never used";
          console.log([k.prefix, k.name, k.role, k.createdByEmail, k.revokedAt ? `revoked ${k.revokedAt.toISOString()}` : used].join("\t"));
        }
      }),
    ),
  );
apikey
  .command("revoke")
  .description("revoke a key by the prefix `apikey list` shows; it stops working at once")
  .argument("<prefix>", "the key's prefix, e.g. rbk_ab12cd34")
  .requiredOption("--team <slug>", "the team's slug")
  .action((prefix: string, opts) =>
    run(() =>
      withDatabase(openDatabase, async (db) => {
        const revoked = await revokeApiKey(db, await teamOwnerActor(db, opts.team), { prefix });
        console.log(`revoked ${revoked.prefix}`);
      }),
    ),
  );

// No top-level await: tsx runs this file as CommonJS (package.json has no "type": "module").
void program.parseAsync(process.argv);
