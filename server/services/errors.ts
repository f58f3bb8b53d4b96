// Small domain errors that services throw; server/trpc.ts maps them to tRPC codes
// and the CLI prints their message as its one-line reason.

export class DomainError extends Error {
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}
export class NotFound extends DomainError {}
export class Forbidden extends DomainError {}
export class Conflict extends DomainError {}
export class Invalid extends DomainError {}
/** An input one named field makes invalid (the REST API's problem names it: `rep_email`, `script`). */
export class InvalidField extends Invalid {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}
/** Too much asked too fast; `retryAfterSeconds` becomes the HTTP Retry-After. */
export class RateLimited extends DomainError {
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(message);
  }
}
/** A limit on how often something may be done (invites, new teams) was reached. */
export class TooMany extends DomainError {}

/**
 * The one table of what each domain error means to a caller: its tRPC code (server/trpc.ts) and
 * its HTTP status (the REST API's problem documents, server/http/problems.ts). First match wins.
 */
export const DOMAIN_ERROR_CODES = [
  [NotFound, "NOT_FOUND", 404],
  [Forbidden, "FORBIDDEN", 403],
  [Conflict, "CONFLICT", 409],
  [Invalid, "BAD_REQUEST", 422],
  [RateLimited, "TOO_MANY_REQUESTS", 429],
  [TooMany, "TOO_MANY_REQUESTS", 429],
] as const;

export const domainErrorCode = (error: DomainError) => DOMAIN_ERROR_CODES.find(([Type]) => error instanceof Type) ?? ([DomainError, "BAD_REQUEST", 400] as const);
