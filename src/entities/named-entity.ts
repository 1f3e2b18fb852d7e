import { Directive, Field, InterfaceType } from "type-graphql";
import { Column, CreateDateColumn, Entity, TableInheritance, UpdateDateColumn } from "typeorm";
import { ENTITY_CACHE_HINT } from "../cache-hints/cache-control";
import type { NodeType } from "../services/global-id";
import { Node } from "./node";

/**
 * What people, places, organizations and topics have in common. They share one table, told apart
 * by its `type` column, so mentions, merges and lookups treat every kind of entity the same way.
 */
@Entity("entity")
@TableInheritance({ column: { type: "varchar", name: "type", length: 16 } })
@Directive(ENTITY_CACHE_HINT)
@InterfaceType("Entity", {
  implements: Node,
  description: "Something stories are about: a person, place, organization or topic.",
  resolveType: (value: NamedEntity) => value.nodeType,
})
export abstract class NamedEntity extends Node {
  abstract override get nodeType(): Exclude<NodeType, "Article" | "Photo">;

  @Field({ description: "Canonical name, as a newsroom would print it on first reference." })
  @Column({ type: "varchar", length: 300 })
  name!: string;

  /** The name folded for lookup (see `nameKey`); unique per type. */
  @Column({ type: "varchar", length: 300 })
  nameKey!: string;

  @Field(() => String, {
    nullable: true,
    description: 'One line saying who or what this is ("U.S. Secretary of State").',
  })
  @Column({ type: "text", nullable: true })
  description!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Wikidata item ID ("Q30"), for joining with other datasets; null when not yet linked.',
  })
  @Column({ type: "varchar", length: 32, nullable: true })
  wikidataId!: string | null;

  @CreateDateColumn()
  createdAt!: Date;

  @UpdateDateColumn()
  updatedAt!: Date;
}
