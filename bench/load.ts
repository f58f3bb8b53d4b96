import autocannon from "autocannon";

// One round of load with autocannon. Latencies are collected per response, because autocannon's
// own summary has p97.5 and p99 but no p95.

export type Round = { rps: number; p50: number; p95: number; p99: number; errors: number; requests: number };

export type LoadOptions = {
  url: string;
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
  const latencies: number[] = [];
  let bad = 0;
  const result = await new Promise<{ duration: number; errors: number; timeouts: number }>((resolve, reject) => {
    const instance = autocannon(
      {
        url: options.url,
        connections: options.connections,
        ...(options.amount ? { amount: options.amount } : { duration: options.seconds }),
        method: options.method ?? "GET",
        headers: options.headers,
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
      (error, r) => (error ? reject(error) : resolve(r)),
    );
    instance.on("response", (_client, statusCode, _bytes, responseTime) => {
      latencies.push(responseTime);
      if (statusCode < 200 || statusCode >= 300) bad++;
    });
  });
  latencies.sort((a, b) => a - b);
  return {
    rps: (latencies.length - bad) / (result.duration || options.seconds),
    p50: percentile(latencies, 0.5),
    p95: percentile(latencies, 0.95),
    p99: percentile(latencies, 0.99),
    errors: result.errors + result.timeouts + bad,
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
