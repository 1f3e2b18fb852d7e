import type { DocumentNode, GraphQLSchema, ParseOptions, ValidationRule } from "graphql";
import type { LimitsConfig } from "./limits-config";
import { maxAliasesRule } from "./max-aliases-rule";
import { maxDepthRule } from "./max-depth-rule";
import { maxDirectivesPerFieldRule } from "./max-directives-rule";
import { maxFieldRepeatsRule } from "./max-field-repeats-rule";
import { queryCost } from "./query-cost";
import { QueryTooComplexError } from "./query-too-complex-error";

/**
 * Every check an operation passes before it runs, for any transport: HTTP applies them through
 * Apollo (`src/limits/limits-plugin.ts`), and a WebSocket server applies the same to each
 * subscription: parse with {@link parseOptions}, validate with GraphQL's `specifiedRules` plus
 * {@link validationRules}, then {@link checkCost} with the operation's variables.
 */
export class OperationLimits {
  constructor(readonly config: Readonly<LimitsConfig>) {}

  /** Options for graphql's `parse`: stop at the first token over `maxTokens`. */
  get parseOptions(): ParseOptions {
    return { maxTokens: this.config.maxTokens };
  }

  /** Validation rules for depth, aliases, directives per field and repeated fields; they need no variables. */
  get validationRules(): ValidationRule[] {
    return [
      maxDepthRule(this.config.maxDepth),
      maxAliasesRule(this.config.maxAliases),
      maxDirectivesPerFieldRule(this.config.maxDirectivesPerField),
      maxFieldRepeatsRule(this.config.maxFieldRepeats),
    ];
  }

  /**
   * The operation's cost, when it is within `maxCost`. Otherwise throws a QueryTooComplexError
   * with the cost, or the BAD_USER_INPUT error of a page argument or variable the operation
   * cannot take (see `queryCost`); all are DomainErrors (`graphQLErrorOf` reports them). Run it
   * on a validated document: it depends on the variables, so it cannot be a cached validation rule.
   */
  checkCost(schema: GraphQLSchema, document: DocumentNode, variables: Record<string, unknown> | undefined, operationName: string | undefined): number {
    const cost = queryCost(schema, document, variables, operationName);
    if (cost > this.config.maxCost) {
      throw new QueryTooComplexError(`the query costs ${cost}, over the limit of ${this.config.maxCost}; ask for smaller pages or fewer fields`, "cost", this.config.maxCost, cost);
    }
    return cost;
  }
}
