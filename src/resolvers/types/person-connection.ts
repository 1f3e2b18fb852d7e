import { ObjectType } from "type-graphql";
import { Person } from "../../entities/person";
import { Connection } from "./connection";

/** A page of people. */
@ObjectType({ description: "A page of people: `edges { cursor node }`, `pageInfo` and `totalCount`." })
export class PersonConnection extends Connection(Person, "Person", "person") {}
