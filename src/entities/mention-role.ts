import { registerEnumType } from "type-graphql";

/** How an entity figures in the text of a story. */
export enum MentionRole {
  QUOTED = "QUOTED",
  DEPICTED = "DEPICTED",
  MENTIONED = "MENTIONED",
}

registerEnumType(MentionRole, {
  name: "MentionRole",
  description: "How an entity figures in a story. When several apply, the first in this list is recorded.",
  valuesConfig: {
    QUOTED: { description: "The story quotes the person's words." },
    DEPICTED: { description: "A photo of the story shows the person." },
    MENTIONED: { description: "The story names the entity." },
  },
});
