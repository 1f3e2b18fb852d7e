import type { AuthChecker } from "type-graphql";
import type { Context } from "./context.type";
import { ApiRole, roleAtLeast } from "./entities/api-role";
import { ForbiddenError, UnauthenticatedError } from "./services/errors";

/**
 * Decides `@Authorized(role)` fields: the request's API key must hold that role or a higher one
 * (reader < editor < admin). No key is UNAUTHENTICATED and too low a role FORBIDDEN, each with a
 * message naming the field and the role it needs. `@Authorized()` with no role needs any key.
 */
export const authChecker: AuthChecker<Context, ApiRole> = ({ context, info }, roles) => {
  const needed = roles.length === 0 ? ApiRole.READER : roles.reduce((least, role) => (roleAtLeast(least, role) ? role : least));
  const field = `${info.parentType.name}.${info.fieldName}`;
  if (!context.viewer) throw new UnauthenticatedError(`${field} needs an API key with the ${needed} role or above: send Authorization: Bearer <key>`);
  if (!roleAtLeast(context.viewer.role, needed)) {
    throw new ForbiddenError(`${field} needs the ${needed} role or above; the API key "${context.viewer.name}" has the ${context.viewer.role} role`);
  }
  return true;
};
