import type { ASTNode, DirectiveNode, ValidationRule } from "graphql";
import { graphQLErrorOf } from "./graphql-error-of";
import { QueryTooComplexError } from "./query-too-complex-error";

/**
 * Rejects a field, fragment spread or inline fragment carrying more than `max` directives. A
 * query has two to use (`@include` and `@skip`), so a pile of them, known or not, only makes
 * validation and error reporting work for nothing.
 */
export function maxDirectivesPerFieldRule(max: number): ValidationRule {
  return (context) => {
    const check = (node: ASTNode & { directives?: ReadonlyArray<DirectiveNode> }, what: string) => {
      const count = node.directives?.length ?? 0;
      if (count > max) {
        context.reportError(graphQLErrorOf(new QueryTooComplexError(`${what} carries ${count} directives; at most ${max} are allowed on one`, "directives", max, count), node));
      }
    };
    return {
      Field: (node) => check(node, `the field ${node.name.value}`),
      FragmentSpread: (node) => check(node, `the spread of ${node.name.value}`),
      InlineFragment: (node) => check(node, "an inline fragment"),
    };
  };
}
