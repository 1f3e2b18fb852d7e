import { DomainError } from "../services/errors";

/** A request ran past the time the server allows one; it was stopped and its result dropped. */
export class TimeoutError extends DomainError {
  readonly code = "TIMEOUT";
  constructor(readonly milliseconds: number) {
    super(`the request did not finish within ${milliseconds} ms and was stopped; ask for less (a smaller first, fewer fields) and retry`);
    this.name = "TimeoutError";
  }
}
