import { Directive, Field, ID, InterfaceType } from "type-graphql";
import { PrimaryGeneratedColumn } from "typeorm";
import { STORY_CACHE_HINT } from "../cache-hints/cache-control";
import { encodeGlobalId, type NodeType } from "../services/global-id";

/**
 * The Relay `Node` interface: every stored object of the graph has an opaque global ID that
 * `node(id)` resolves. The database key stays inside the service.
 */
@Directive(STORY_CACHE_HINT)
@InterfaceType({
  description: "An object with a stable, opaque global ID. Fetch any node again with `node(id:)`.",
  resolveType: (value: Node) => value.nodeType,
})
export abstract class Node {
  /** Database key, unique within the object's table; never exposed as is. */
  @PrimaryGeneratedColumn()
  id!: number;

  /** The GraphQL type this object resolves to; a getter so TypeORM never stores it. */
  abstract get nodeType(): NodeType;

  @Field(() => ID, {
    name: "id",
    description: "Opaque global ID. Stable for the life of the object; do not parse it.",
  })
  get globalId(): string {
    return encodeGlobalId(this.nodeType, this.id);
  }
}
