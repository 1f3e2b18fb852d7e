import { registerEnumType } from "type-graphql";

/** What sort of body an organization is. */
export enum OrganizationKind {
  GOVERNMENT_BODY = "GOVERNMENT_BODY",
  NEWS_AGENCY = "NEWS_AGENCY",
  ARMED_GROUP = "ARMED_GROUP",
  POLITICAL_PARTY = "POLITICAL_PARTY",
  MILITARY = "MILITARY",
  INTERNATIONAL_ORGANIZATION = "INTERNATIONAL_ORGANIZATION",
  ALLIANCE = "ALLIANCE",
  COMPANY = "COMPANY",
  NGO = "NGO",
  OTHER = "OTHER",
}

registerEnumType(OrganizationKind, {
  name: "OrganizationKind",
  description: "What sort of body an organization is.",
  valuesConfig: {
    GOVERNMENT_BODY: { description: "A ministry, department or agency of a state." },
    NEWS_AGENCY: { description: "A news agency, wire service or publisher." },
    ARMED_GROUP: { description: "A non-state armed group, militia or insurgency." },
    POLITICAL_PARTY: { description: "A political party or movement." },
    MILITARY: { description: "A state's armed forces or one of their commands." },
    INTERNATIONAL_ORGANIZATION: { description: "A body of several states, such as the United Nations." },
    ALLIANCE: { description: "An alliance or coalition of states or groups." },
    COMPANY: { description: "A business." },
    NGO: { description: "A non-governmental, non-profit organization." },
    OTHER: { description: "Any other organization, or one not yet classified." },
  },
});
