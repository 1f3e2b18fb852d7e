/**
 * Errors the domain raises for a caller's mistake. They carry the code clients see in
 * `extensions.code`, so services stay free of GraphQL while the API reports typed errors.
 */
export abstract class DomainError extends Error {
  abstract readonly code: string;
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

/** The caller sent something malformed or out of range; the message says what and why. */
export class InvalidInputError extends DomainError {
  readonly code = "BAD_USER_INPUT";
  constructor(
    message: string,
    /** The argument or input field at fault, when there is one. */
    readonly field?: string,
  ) {
    super(message);
  }
}

/** The caller asked for an object that does not exist. */
export class NotFoundError extends DomainError {
  readonly code = "NOT_FOUND";
}

/** The request carries no usable credentials: no API key where one is needed, or an unknown or revoked one. */
export class UnauthenticatedError extends DomainError {
  readonly code = "UNAUTHENTICATED";
}

/** The caller is known but its role does not allow the operation. */
export class ForbiddenError extends DomainError {
  readonly code = "FORBIDDEN";
}
