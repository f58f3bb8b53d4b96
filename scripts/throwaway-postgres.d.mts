// Types for the parts of throwaway-postgres.mjs that TypeScript tests import.
export type ThrowawayPostgres = {
  /** The `postgres` maintenance database. */
  url: string;
  port: number;
  dir: string;
  bin: string;
  stop(): void;
  /** Creates an empty database of its own (the name made unique) and returns its URL. */
  createDatabase(name?: string): string;
};
export declare function startThrowawayPostgres(): Promise<ThrowawayPostgres>;
export declare function postgresBin(): string | null;
export declare function ensurePostgresInstalled(): string;
export declare function freePort(): Promise<number>;
