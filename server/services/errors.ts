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
