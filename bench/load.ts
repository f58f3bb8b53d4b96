import autocannon from "autocannon";

// One round of load with autocannon. Latencies are collected per response, because autocannon's
// own summary has p97.5 and p99 but no p95.

export type Round = { rps: number; p50: number; p95: number; p99: number; errors: number; requests: number };

export type LoadOptions = {
  url: string;
  /**
   * Several servers sharing one database (workers): the connections are split evenly between
   * them, each with its own headers, and the latencies of all of them make one round.
   */
  targets?: { url: string; headers: Record<string, string> }[];
  connections: number;
  seconds: number;
  /** A fixed number of requests instead of a duration, so that slow answers still give samples. */
  amount?: number;
  headers: Record<string, string>;
  method?: "GET" | "POST";
  /** Called for every request: path and body. */
  next: () => { path: string; body?: string };
};

export function percentile(sorted: number[], q: number): number {
  if (!sorted.length) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[i];
}

export const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

export async function runRound(options: LoadOptions): Promise<Round> {
  const targets = options.targets ?? [{ url: options.url, headers: options.headers }];
  const latencies: number[] = [];
  let bad = 0;
  const started = performance.now();
  const results = await Promise.all(
    targets.map(
      (target, t) =>
        new Promise<{ duration: number; errors: number; timeouts: number }>((resolve, reject) => {
          const connections = Math.floor(options.connections / targets.length) + (t < options.connections % targets.length ? 1 : 0);
          const amount = options.amount ? Math.round((options.amount * connections) / options.connections) : undefined;
          const instance = autocannon(
            {
              url: target.url,
              connections,
              ...(amount ? { amount } : { duration: options.seconds }),
              method: options.method ?? "GET",
              headers: target.headers,
              timeout: 10,
              requests: [
                {
                  setupRequest: (request) => {
                    const { path, body } = options.next();
                    return { ...request, path, ...(body === undefined ? {} : { body }) };
                  },
                },
              ],
            },
            (error, result) => (error ? reject(error) : resolve(result)),
          );
          instance.on("response", (_client, statusCode, _bytes, responseTime) => {
            latencies.push(responseTime);
            if (statusCode < 200 || statusCode >= 300) bad++;
          });
        }),
    ),
  );
  latencies.sort((a, b) => a - b);
  const ok = latencies.length - bad;
  const seconds = targets.length === 1 ? results[0].duration || options.seconds : (performance.now() - started) / 1000;
  return {
    rps: ok / seconds,
    p50: percentile(latencies, 0.5),
    p95: percentile(latencies, 0.95),
    p99: percentile(latencies, 0.99),
    errors: results.reduce((sum, r) => sum + r.errors + r.timeouts, 0) + bad,
    requests: latencies.length,
  };
}

/** A warm-up round, then `rounds` measured ones. */
export async function measure(options: LoadOptions, warmSeconds: number, rounds: number): Promise<Round[]> {
  await runRound({ ...options, amount: undefined, seconds: warmSeconds });
  const results: Round[] = [];
  for (let i = 0; i < rounds; i++) results.push(await runRound(options));
  return results;
}
