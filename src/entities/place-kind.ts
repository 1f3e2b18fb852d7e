import { registerEnumType } from "type-graphql";

/** What sort of place a place is. */
export enum PlaceKind {
  COUNTRY = "COUNTRY",
  CITY = "CITY",
  REGION = "REGION",
  TERRITORY = "TERRITORY",
  CONTINENT = "CONTINENT",
  OTHER = "OTHER",
}

registerEnumType(PlaceKind, {
  name: "PlaceKind",
  description: "What sort of place a place is.",
  valuesConfig: {
    COUNTRY: { description: "A sovereign state; has an ISO 3166-1 code." },
    CITY: { description: "A city, town or village." },
    REGION: { description: "A region, province, state or governorate within a country, or across several." },
    TERRITORY: { description: "A territory whose status is disputed or not that of a state, such as the Gaza Strip." },
    CONTINENT: { description: "A continent." },
    OTHER: { description: "Any other place, or one not yet classified." },
  },
});
