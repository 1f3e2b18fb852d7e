/** What an API key may do; each role may do everything the roles before it may. */
export enum ApiRole {
  /** Read the graph (only needed when the service requires a key for reads). */
  READER = "reader",
  /** Also write: every mutation. */
  EDITOR = "editor",
  /** Also manage API keys. */
  ADMIN = "admin",
}

/** The roles from least to most privileged. */
export const API_ROLES: readonly ApiRole[] = [ApiRole.READER, ApiRole.EDITOR, ApiRole.ADMIN];

/** True when `held` grants at least what `needed` does. */
export function roleAtLeast(held: ApiRole, needed: ApiRole): boolean {
  return API_ROLES.indexOf(held) >= API_ROLES.indexOf(needed);
}
