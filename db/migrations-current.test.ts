import { generateDrizzleJson, generateMigration, generateSQLiteDrizzleJson, generateSQLiteMigration } from "drizzle-kit/api";
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import * as pgSchema from "./schema-pg";
import * as sqliteSchema from "./schema";

// A schema edit without its migration would pass every test that builds a database from the
// migrations and still break the next `db:generate` for whoever comes after: each dialect's
// newest snapshot must be its schema, as `drizzle-kit generate` reporting "No schema changes".

function newestSnapshot(dialect: "sqlite" | "postgres") {
  const meta = path.join(process.cwd(), "db", "migrations", dialect, "meta");
  const newest = fs.readdirSync(meta).filter((f) => f.endsWith("_snapshot.json")).sort().at(-1)!;
  return JSON.parse(fs.readFileSync(path.join(meta, newest), "utf8"));
}

describe("the committed migrations are the schemas", () => {
  it("SQLite: db/schema.ts needs no new migration", async () => {
    const current = await generateSQLiteDrizzleJson(sqliteSchema);
    expect(await generateSQLiteMigration(newestSnapshot("sqlite"), current)).toEqual([]);
  });

  it("PostgreSQL: db/schema-pg.ts needs no new migration", async () => {
    const current = generateDrizzleJson(pgSchema);
    expect(await generateMigration(newestSnapshot("postgres"), current)).toEqual([]);
  });
});
