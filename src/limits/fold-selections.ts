import { Kind, type FieldNode, type SelectionSetNode, type ValidationContext } from "graphql";

/** How {@link foldSelections} turns a document's fields into one number. */
export interface SelectionFold {
  /** The value of a field, given the folded value of its own selections (0 for a leaf). */
  field(node: FieldNode, inner: number): number;
  /** Combines the values of the selections of one selection set (sum, max...). */
  combine(a: number, b: number): number;
}

/**
 * Folds a selection set into a number, as if every fragment spread were written out in place.
 * Each named fragment is folded once and remembered, so a document whose fragments spread each
 * other many times costs linear time (its expanded size can be exponential); a spread that would
 * close a cycle counts 0 (GraphQL's own NoFragmentCycles rule rejects such a document).
 */
export function foldSelections(context: ValidationContext, selectionSet: SelectionSetNode, fold: SelectionFold): number {
  const folded = new Map<string, number>();
  const inProgress = new Set<string>();

  const foldSet = (set: SelectionSetNode): number => {
    let value = 0;
    for (const selection of set.selections) {
      let inner: number;
      if (selection.kind === Kind.FIELD) {
        inner = fold.field(selection, selection.selectionSet ? foldSet(selection.selectionSet) : 0);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        inner = foldSet(selection.selectionSet);
      } else {
        inner = foldFragment(selection.name.value);
      }
      value = fold.combine(value, inner);
    }
    return value;
  };

  const foldFragment = (name: string): number => {
    const known = folded.get(name);
    if (known !== undefined) return known;
    const fragment = context.getFragment(name);
    if (!fragment || inProgress.has(name)) return 0;
    inProgress.add(name);
    const value = foldSet(fragment.selectionSet);
    inProgress.delete(name);
    folded.set(name, value);
    return value;
  };

  return foldSet(selectionSet);
}
