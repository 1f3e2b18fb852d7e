import { registerEnumType } from "type-graphql";

/** Every way a person can be connected to a story, for filtering a person's articles. */
export enum ArticleRole {
  AUTHOR = "AUTHOR",
  PHOTOGRAPHER = "PHOTOGRAPHER",
  QUOTED = "QUOTED",
  DEPICTED = "DEPICTED",
  MENTIONED = "MENTIONED",
}

registerEnumType(ArticleRole, {
  name: "ArticleRole",
  description: "How a person is connected to a story.",
  valuesConfig: {
    AUTHOR: { description: "Wrote it: named in the byline." },
    PHOTOGRAPHER: { description: "Took one of its photos." },
    QUOTED: { description: "Is quoted in it." },
    DEPICTED: { description: "Is shown in one of its photos." },
    MENTIONED: { description: "Is named in it, in any role in the text (quoted and depicted included)." },
  },
});
