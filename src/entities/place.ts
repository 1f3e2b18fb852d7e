import { Directive, Field, Float, ObjectType } from "type-graphql";
import { ChildEntity, Column } from "typeorm";
import { ENTITY_CACHE_HINT } from "../cache-hints/cache-control";
import { NamedEntity } from "./named-entity";
import { Node } from "./node";
import { PlaceKind } from "./place-kind";

/** A country, city, region or other place, with its position and what contains it. */
@ChildEntity("PLACE")
@Directive(ENTITY_CACHE_HINT)
@ObjectType({
  implements: [Node, NamedEntity],
  description: "A country, city, region or other place, with its coordinates and the places around it.",
})
export class Place extends NamedEntity {
  get nodeType(): "Place" {
    return "Place";
  }

  // Named apart from Organization's kind: both live in one table, and TypeORM maps a property
  // name shared by two child entities to the first one's column.
  @Field(() => PlaceKind, { name: "kind", description: "What sort of place this is." })
  @Column({ type: "varchar", length: 32, default: PlaceKind.OTHER })
  placeKind!: PlaceKind;

  @Field(() => Float, { nullable: true, description: "Latitude in decimal degrees (WGS 84); null when unknown." })
  @Column({ type: "double precision", nullable: true })
  latitude!: number | null;

  @Field(() => Float, { nullable: true, description: "Longitude in decimal degrees (WGS 84); null when unknown." })
  @Column({ type: "double precision", nullable: true })
  longitude!: number | null;

  @Field(() => String, {
    nullable: true,
    description: 'ISO 3166-1 alpha-2 code ("IQ") for countries; null for other places.',
  })
  @Column({ type: "varchar", length: 2, nullable: true })
  isoCode!: string | null;

  /** The place that contains this one (Baghdad's is Iraq). */
  @Column({ type: "integer", nullable: true })
  containedInId!: number | null;
}
