import { InvalidInputError } from "./errors";

/**
 * `value` when it is an integer from 0 to `max`, else a BAD_USER_INPUT error naming `argument`.
 * Every `first`, `last` and size argument of the API is checked here, so all say the same.
 */
export function checkedCount(value: number, max: number, argument: string): number {
  if (!Number.isInteger(value) || value < 0 || value > max) throw new InvalidInputError(`${argument} must be an integer from 0 to ${max}, got ${value}`, argument);
  return value;
}
