import { ObjectType } from "type-graphql";
import { Place } from "../../entities/place";
import { Connection } from "./connection";

/** A page of places. */
@ObjectType({ description: "A page of places: `edges { cursor node }`, `pageInfo` and `totalCount`." })
export class PlaceConnection extends Connection(Place, "Place", "place") {}
