import { Field, Float, ID, InputType } from "type-graphql";
import { OrganizationKind } from "../../entities/organization-kind";
import { PlaceKind } from "../../entities/place-kind";

/** Changes to an entity. */
@InputType({
  description: "Changes to a person, place, organization or topic. Fields left out are kept; null clears an optional field. Place, organization and topic fields apply to their type only.",
})
export class EntityPatchInput {
  @Field(() => String, { nullable: true, description: "A new canonical name; the old one stays as an alias. No other entity of the type may have it." })
  name?: string;

  @Field(() => String, { nullable: true, description: "One line saying who or what this is; null removes it." })
  description?: string | null;

  @Field(() => String, { nullable: true, description: 'Wikidata item ID ("Q30"); null unlinks.' })
  wikidataId?: string | null;

  @Field(() => [String], { nullable: true, description: "The complete list of aliases, replacing the current one." })
  aliases?: string[];

  @Field(() => PlaceKind, { nullable: true, description: "Places only: what sort of place it is." })
  placeKind?: PlaceKind;

  @Field(() => Float, { nullable: true, description: "Places only: latitude, -90 to 90." })
  latitude?: number | null;

  @Field(() => Float, { nullable: true, description: "Places only: longitude, -180 to 180." })
  longitude?: number | null;

  @Field(() => String, { nullable: true, description: 'Places only: ISO 3166-1 alpha-2 code ("IQ").' })
  isoCode?: string | null;

  @Field(() => ID, { nullable: true, description: "Places only: the place that contains this one; null for none." })
  containedIn?: string | null;

  @Field(() => OrganizationKind, { nullable: true, description: "Organizations only: what sort of body it is." })
  organizationKind?: OrganizationKind;

  @Field(() => String, { nullable: true, description: 'Topics only: IPTC Media Topic code ("medtop:16000000").' })
  iptcCode?: string | null;

  @Field(() => ID, { nullable: true, description: "Topics only: the broader topic; null for the top level." })
  parent?: string | null;
}
