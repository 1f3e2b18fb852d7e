import { Field, ID, InputType } from "type-graphql";
import type { IdMatch } from "../../services/article-filter";
import { decodeGlobalId, type NodeType } from "../../services/global-id";

/** IDs a story must match: any of some, all of others. */
@InputType("IdMatch", { description: "Entities a story must name: at least one of `anyOf`, and every one of `allOf`. A merged-away entity's ID means the entity it was merged into." })
export class IdMatchInput {
  @Field(() => [ID], { nullable: true, description: "The story names at least one of these." })
  anyOf?: string[];

  @Field(() => [ID], { nullable: true, description: "The story names every one of these." })
  allOf?: string[];

  /** The IDs decoded, each checked to be of `type`. */
  toIdMatch(type: NodeType): IdMatch {
    const decode = (ids: string[] | undefined) => ids?.map((id) => decodeGlobalId(id, [type]).id);
    return { anyOf: decode(this.anyOf), allOf: decode(this.allOf) };
  }
}
