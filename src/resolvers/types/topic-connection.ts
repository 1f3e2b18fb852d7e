import { ObjectType } from "type-graphql";
import { Topic } from "../../entities/topic";
import { Connection } from "./connection";

/** A page of topics. */
@ObjectType({ description: "A page of topics: `edges { cursor node }`, `pageInfo` and `totalCount`." })
export class TopicConnection extends Connection(Topic, "Topic", "topic") {}
