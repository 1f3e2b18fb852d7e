import { Directive, ObjectType } from "type-graphql";
import { ENTITY_CACHE_HINT } from "../../cache-hints/cache-control";
import { Organization } from "../../entities/organization";
import { Connection } from "./connection";

/** A page of organizations. */
@Directive(ENTITY_CACHE_HINT)
@ObjectType({ description: "A page of organizations: `edges { cursor node }`, `pageInfo` and `totalCount`." })
export class OrganizationConnection extends Connection(Organization, "Organization", "organization") {}
