import { Directive, ObjectType } from "type-graphql";
import { ENTITY_CACHE_HINT } from "../../cache-hints/cache-control";
import { Photo } from "../../entities/photo";
import { Connection } from "./connection";

/** A page of photos. */
@Directive(ENTITY_CACHE_HINT)
@ObjectType({ description: "A page of photos: `edges { cursor node }`, `pageInfo` and `totalCount`." })
export class PhotoConnection extends Connection(Photo, "Photo", "photo") {}
