// Types for scripts/throwaway-postgres.mjs, which the test setup and the bench import.
export type ThrowawayPostgres = {
  url: string;
  port: number;
  dir: string;
  bin: string;
  stop(): void;
  createDatabase(name?: string): string;
};
export declare function postgresBin(): string | null;
export declare function ensurePostgresInstalled(): string;
export declare function freePort(): Promise<number>;
export declare function startThrowawayPostgres(): Promise<ThrowawayPostgres>;
