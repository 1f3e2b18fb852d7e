import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from "type-graphql";
import type { Context } from "../context.type";
import type { Article } from "../entities/article";
import { NamedEntity } from "../entities/named-entity";
import { Organization } from "../entities/organization";
import { articleConnectionOf } from "./article-connection-of";
import { entityConnection, findEntity } from "./entity-lookup";
import { ArticleConnection } from "./types/article-connection";
import { ArticleFilterInput } from "./types/article-filter.input";
import { ArticleOrder } from "./types/article-order";
import { ConnectionArgs } from "./types/connection-args";
import type { ConnectionValue } from "./types/connection";
import { OrganizationConnection } from "./types/organization-connection";

/** Organizations: lookups, the list, and an organization's stories. */
@Resolver(() => Organization)
export class OrganizationResolver {
  @Query(() => Organization, { nullable: true, description: 'One organization, by exactly one of ID or name (canonical or alias: "HTS", "State Department"). Unknown: null and a NOT_FOUND error.' })
  organization(
    @Ctx() context: Context,
    @Arg("id", () => ID, { nullable: true, description: "The organization's global ID." }) id?: string,
    @Arg("name", () => String, { nullable: true, description: "A name the organization goes by." }) name?: string,
  ): Promise<NamedEntity> {
    return findEntity(context, "Organization", id, name);
  }

  @Query(() => OrganizationConnection, { description: "All organizations, by name." })
  organizations(
    @Ctx() context: Context,
    @Args() page: ConnectionArgs,
    @Arg("nameStartsWith", () => String, { nullable: true, description: "Only organizations with a name or alias starting with this (type-ahead)." }) nameStartsWith?: string,
  ): Promise<ConnectionValue<NamedEntity>> {
    return entityConnection(context, "Organization", { ...page, nameStartsWith });
  }

  @FieldResolver(() => ArticleConnection, { description: "Stories that name the organization, newest first." })
  articles(
    @Root() organization: Organization,
    @Ctx() context: Context,
    @Args() page: ConnectionArgs,
    @Arg("orderBy", () => ArticleOrder, { defaultValue: ArticleOrder.NEWEST, description: "The order of the list." }) orderBy?: ArticleOrder,
    @Arg("filter", () => ArticleFilterInput, { nullable: true, description: "Conditions the stories must also meet." }) filter?: ArticleFilterInput,
  ): Promise<ConnectionValue<Article>> {
    return articleConnectionOf(context, organization.id, ["mention"], { ...page, orderBy, filter });
  }
}
