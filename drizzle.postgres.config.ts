import { defineConfig } from "drizzle-kit";

// The PostgreSQL engine's migrations; db/schema.ts and ./drizzle.config.ts are SQLite's.
export default defineConfig({
  dialect: "postgresql",
  schema: "./db/schema-pg.ts",
  out: "./db/migrations/postgres",
});
