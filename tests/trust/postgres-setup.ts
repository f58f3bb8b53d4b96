// vitest globalSetup of the trust suite's PostgreSQL pass (RINGBACK_TEST_ENGINE=postgres): the
// run's throwaway cluster and migrated template (tests/support/postgres-setup.ts), without the
// service tests' one-connection pools: the servers started here must run with their real pools.
import { startTemplateCluster } from "@/tests/support/postgres-setup";

export default async function setup() {
  if (process.env.RINGBACK_TEST_ENGINE !== "postgres") return;
  const cluster = await startTemplateCluster();
  return () => cluster.stop();
}
