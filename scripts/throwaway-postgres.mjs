// A PostgreSQL cluster that lives for one test run: `initdb` into a temp folder, a free port,
// stopped (and the folder removed) at the end. Never a system service, never a fixed port.
// Debian's server binaries sit under /usr/lib/postgresql/<major>/bin; initdb refuses root, so
// as root the cluster belongs to the `postgres` user.
import { execFileSync, spawnSync } from "node:child_process";
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";

const DEBIAN_ROOT = "/usr/lib/postgresql";

/** The newest installed server's bin folder (15 or later), or null. */
export function postgresBin() {
  if (!existsSync(DEBIAN_ROOT)) return null;
  const majors = readdirSync(DEBIAN_ROOT)
    .map(Number)
    .filter((major) => major >= 15 && existsSync(path.join(DEBIAN_ROOT, String(major), "bin", "initdb")))
    .sort((a, b) => b - a);
  return majors.length ? path.join(DEBIAN_ROOT, String(majors[0]), "bin") : null;
}

/** Installs Debian's `postgresql` when no server is there (as root, like Chromium); else explains. */
export function ensurePostgresInstalled() {
  if (postgresBin()) return postgresBin();
  if (process.getuid?.() !== 0) {
    throw new Error("The PostgreSQL tests need Debian's server: run `sudo apt-get install -y postgresql`, then `npm test` again.");
  }
  console.log("▶ Installing Debian's postgresql for the PostgreSQL runs");
  const install = spawnSync("sh", ["-c", "apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends postgresql"], { stdio: "inherit" });
  if (install.status !== 0 || !postgresBin()) throw new Error("Installing postgresql failed.");
  // Debian's package starts a system cluster; the tests never use it.
  spawnSync("sh", ["-c", "service postgresql stop || pg_ctlcluster --force $(ls /usr/lib/postgresql | sort -n | tail -1) main stop || true"], { stdio: "ignore" });
  return postgresBin();
}

export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

const asRoot = process.getuid?.() === 0;
function runAsOwner(bin, args) {
  const [cmd, argv] = asRoot ? ["runuser", ["-u", "postgres", "--", bin, ...args]] : [bin, args];
  return execFileSync(cmd, argv, { stdio: ["ignore", "pipe", "pipe"], encoding: "utf8" });
}

/**
 * Starts a cluster and returns `{ url, port, dir, createDatabase(name), stop() }`. `url` points at
 * the `postgres` maintenance database; `createDatabase` makes an empty one and returns its URL.
 */
export async function startThrowawayPostgres() {
  const bin = ensurePostgresInstalled();
  const dir = mkdtempSync(path.join(tmpdir(), "ringback-pg-"));
  chmodSync(dir, 0o777);
  const data = path.join(dir, "data");
  const port = await freePort();
  if (asRoot) execFileSync("chown", ["postgres", dir]);
  runAsOwner(path.join(bin, "initdb"), ["-D", data, "-A", "trust", "-U", "ringback", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"]);
  // fsync off: a throwaway cluster need not survive a power cut, and the tests run twice as fast.
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200`;
  runAsOwner(path.join(bin, "pg_ctl"), ["-D", data, "-o", options, "-l", path.join(dir, "log"), "-w", "start"]);
  let stopped = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    try {
      runAsOwner(path.join(bin, "pg_ctl"), ["-D", data, "-m", "immediate", "-w", "stop"]);
    } catch {
      /* already gone */
    }
    rmSync(dir, { recursive: true, force: true });
  };
  process.once("exit", stop);
  const url = `postgres://ringback@127.0.0.1:${port}/postgres`;
  let made = 0;
  return {
    url,
    port,
    dir,
    bin,
    stop,
    /** An empty database of its own; the name is made unique. */
    createDatabase(name = "t") {
      const db = `${name.replace(/[^a-z0-9_]/gi, "_").toLowerCase()}_${process.pid}_${++made}`;
      runAsOwner(path.join(bin, "createdb"), ["-h", "127.0.0.1", "-p", String(port), "-U", "ringback", db]);
      return `postgres://ringback@127.0.0.1:${port}/${db}`;
    },
  };
}
