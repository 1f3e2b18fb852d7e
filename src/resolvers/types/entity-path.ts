import { Directive, Field, ObjectType } from "type-graphql";
import { DASHBOARD_CACHE_HINT } from "../../cache-hints/cache-control";
import { EntityPathHop } from "./entity-path-hop";

/** How two entities are linked through shared stories, if they are. */
@Directive(DASHBOARD_CACHE_HINT)
@ObjectType({ description: "The shortest chain of entities linking two entities, each consecutive pair named in a same story." })
export class EntityPath {
  @Field({ description: "True when a chain of at most `maxHops` hops exists; false means `hops` is empty." })
  found!: boolean;

  @Field(() => [EntityPathHop], { description: "The hops from `from` to `to`, in order; empty when none was found." })
  hops!: EntityPathHop[];
}
