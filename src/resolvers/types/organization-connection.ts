import { ObjectType } from "type-graphql";
import { Organization } from "../../entities/organization";
import { Connection } from "./connection";

/** A page of organizations. */
@ObjectType({ description: "A page of organizations: `edges { cursor node }`, `pageInfo` and `totalCount`." })
export class OrganizationConnection extends Connection(Organization, "Organization", "organization") {}
