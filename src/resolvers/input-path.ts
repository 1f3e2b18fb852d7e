import { InvalidInputError } from "../services/errors";
import { decodeGlobalId, type NodeKey, type NodeType } from "../services/global-id";

/** Decodes a global ID argument or input field, naming it in the error when it is not a valid ID of `types`. */
export function decodeIdAt(globalId: string, types: readonly NodeType[], field: string): NodeKey {
  try {
    return decodeGlobalId(globalId, types);
  } catch (error) {
    if (error instanceof InvalidInputError) throw new InvalidInputError(error.message, field);
    throw error;
  }
}

/**
 * Runs `work`, prefixing the field path of any BAD_USER_INPUT it raises with the argument the
 * input came in ("headline" becomes "input.article.headline"), so clients can point at the field.
 */
export async function underArgument<T>(argument: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof InvalidInputError) throw new InvalidInputError(error.message, error.field ? `${argument}.${error.field}` : argument);
    throw error;
  }
}
