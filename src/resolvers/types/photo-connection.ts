import { ObjectType } from "type-graphql";
import { Photo } from "../../entities/photo";
import { Connection } from "./connection";

/** A page of photos. */
@ObjectType({ description: "A page of photos: `edges { cursor node }`, `pageInfo` and `totalCount`." })
export class PhotoConnection extends Connection(Photo, "Photo", "photo") {}
