import { registerEnumType } from "type-graphql";

/** The kinds of entity a story can name. */
export enum EntityKind {
  PERSON = "PERSON",
  PLACE = "PLACE",
  ORGANIZATION = "ORGANIZATION",
}

registerEnumType(EntityKind, {
  name: "EntityKind",
  description: "A kind of entity that stories name.",
  valuesConfig: {
    PERSON: { description: "People." },
    PLACE: { description: "Places." },
    ORGANIZATION: { description: "Organizations." },
  },
});
