import { Directive, ObjectType } from "type-graphql";
import { ENTITY_CACHE_HINT } from "../../cache-hints/cache-control";
import { Person } from "../../entities/person";
import { Connection } from "./connection";

/** A page of people. */
@Directive(ENTITY_CACHE_HINT)
@ObjectType({ description: "A page of people: `edges { cursor node }`, `pageInfo` and `totalCount`." })
export class PersonConnection extends Connection(Person, "Person", "person") {}
