import { registerEnumType } from "type-graphql";

/** Which entities a trending list ranks. */
export enum TrendingKind {
  PERSON = "PERSON",
  PLACE = "PLACE",
  ORGANIZATION = "ORGANIZATION",
  TOPIC = "TOPIC",
  ANY = "ANY",
}

registerEnumType(TrendingKind, {
  name: "TrendingKind",
  description: "Which entities a trending list ranks.",
  valuesConfig: {
    PERSON: { description: "People." },
    PLACE: { description: "Places." },
    ORGANIZATION: { description: "Organizations." },
    TOPIC: { description: "Topics, counting the stories filed directly under each." },
    ANY: { description: "People, places, organizations and topics in one list, each share taken among all of them." },
  },
});
