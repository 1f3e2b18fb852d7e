import { Kind, type ValidationRule } from "graphql";
import { graphQLErrorOf } from "./graphql-error-of";
import { QueryTooComplexError } from "./query-too-complex-error";

/**
 * Rejects a selection set that selects one field (one response key: the alias, else the name)
 * more than `max` times. Repeats merge into one answer, so they add nothing but the work of
 * checking that they can merge, which grows with the square of their number.
 */
export function maxFieldRepeatsRule(max: number): ValidationRule {
  return (context) => ({
    SelectionSet(selectionSet) {
      const counts = new Map<string, number>();
      for (const selection of selectionSet.selections) {
        if (selection.kind !== Kind.FIELD) continue;
        const key = (selection.alias ?? selection.name).value;
        const count = (counts.get(key) ?? 0) + 1;
        counts.set(key, count);
        if (count === max + 1) {
          const total = selectionSet.selections.filter((other) => other.kind === Kind.FIELD && (other.alias ?? other.name).value === key).length;
          context.reportError(graphQLErrorOf(new QueryTooComplexError(`the field ${key} is selected ${total} times in one selection set; at most ${max} are allowed`, "fieldRepeats", max, total), selection));
        }
      }
    },
  });
}
