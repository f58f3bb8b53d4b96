// vitest globalSetup for the PostgreSQL run (RINGBACK_TEST_ENGINE=postgres): a throwaway cluster
// (initdb into a temp folder, a free port, stopped at the end) and a migrated template database.
import pg from "pg";
import { startThrowawayPostgres } from "../../scripts/throwaway-postgres.mjs";
import { openDatabase } from "@/db/client";
import { TEMPLATE_DATABASE } from "./postgres-databases";

/** Starts the run's cluster with its migrated template; RINGBACK_TEST_POSTGRES names it to the tests. */
export async function startTemplateCluster() {
  const cluster = await startThrowawayPostgres();
  const admin = new pg.Client({ connectionString: cluster.url });
  await admin.connect();
  await admin.query(`create database ${TEMPLATE_DATABASE}`);
  await admin.end();
  const templateUrl = new URL(cluster.url);
  templateUrl.pathname = `/${TEMPLATE_DATABASE}`;
  const template = await openDatabase(templateUrl.toString());
  await template.$close();
  process.env.RINGBACK_TEST_POSTGRES = cluster.url;
  return cluster;
}

export default async function setup() {
  if (process.env.RINGBACK_TEST_ENGINE !== "postgres") return;
  const cluster = await startTemplateCluster();
  // A query that bypasses its transaction's connection deadlocks with one connection per pool.
  process.env.RINGBACK_PG_POOL = "1";
  return () => cluster.stop();
}
