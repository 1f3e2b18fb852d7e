import { Directive, ObjectType } from "type-graphql";
import { ENTITY_CACHE_HINT } from "../../cache-hints/cache-control";
import { Place } from "../../entities/place";
import { Connection } from "./connection";

/** A page of places. */
@Directive(ENTITY_CACHE_HINT)
@ObjectType({ description: "A page of places: `edges { cursor node }`, `pageInfo` and `totalCount`." })
export class PlaceConnection extends Connection(Place, "Place", "place") {}
