import { DomainError } from "../services/errors";

/** Which limit an operation went over. */
export type LimitName = "depth" | "aliases" | "directives" | "fieldRepeats" | "selections" | "cost";

/**
 * An operation asks for more than the server's limits allow. It is raised before the operation
 * runs, so nothing of it was executed; `found` and `maximum` let the client see by how much.
 */
export class QueryTooComplexError extends DomainError {
  readonly code = "QUERY_TOO_COMPLEX";
  constructor(
    message: string,
    readonly limit: LimitName,
    readonly maximum: number,
    /** What the operation has; null when counting stopped at the limit. */
    readonly found: number | null,
  ) {
    super(message);
    this.name = "QueryTooComplexError";
  }

  /**
   * What clients read in the error's `extensions` besides the code: the limit's name, its maximum
   * and what was found, and for the cost also `cost: { requested, limit }`, the shape of every
   * response's `extensions.cost`.
   */
  get details(): Record<string, unknown> {
    return {
      limit: this.limit,
      maximum: this.maximum,
      found: this.found,
      ...(this.limit === "cost" ? { cost: { requested: this.found, limit: this.maximum } } : {}),
    };
  }
}
