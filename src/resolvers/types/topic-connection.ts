import { Directive, ObjectType } from "type-graphql";
import { ENTITY_CACHE_HINT } from "../../cache-hints/cache-control";
import { Topic } from "../../entities/topic";
import { Connection } from "./connection";

/** A page of topics. */
@Directive(ENTITY_CACHE_HINT)
@ObjectType({ description: "A page of topics: `edges { cursor node }`, `pageInfo` and `totalCount`." })
export class TopicConnection extends Connection(Topic, "Topic", "topic") {}
