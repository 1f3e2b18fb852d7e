import { Directive, Field, Int, ObjectType } from "type-graphql";
import { INHERIT_CACHE_HINT } from "../../cache-hints/cache-control";
import { Article } from "../../entities/article";
import { NamedEntity } from "../../entities/named-entity";

/** One link of a chain between two entities. */
@Directive(INHERIT_CACHE_HINT)
@ObjectType({ description: "One link of a chain between two entities: two entities named in the same stories, and those stories." })
export class EntityPathHop {
  @Field(() => NamedEntity, { description: "The entity nearer the chain's start." })
  from!: NamedEntity;

  @Field(() => NamedEntity, { description: "The entity nearer the chain's end." })
  to!: NamedEntity;

  @Field(() => [Article], { description: "The newest of the stories that name both (for a topic, filed under it), at most 3; undated stories last." })
  articles!: Article[];

  @Field(() => Int, { description: "How many stories name both." })
  articleCount!: number;
}
