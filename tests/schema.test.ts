import fs from "node:fs";
import path from "node:path";
import { buildSchema, isEnumType, isInputObjectType, isInterfaceType, isObjectType } from "graphql";
import { printGraphSchema } from "../src/schema";

const committed = fs.readFileSync(path.join(__dirname, "..", "schema.graphql"), "utf8");

describe("the published schema", () => {
  it("schema.graphql is what the classes produce (run `npm run schema` after changing them)", async () => {
    expect(await printGraphSchema()).toBe(committed);
  });

  it("describes every type, field, argument and enum value for Sandbox", () => {
    const schema = buildSchema(committed);
    const undescribed: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (type.name.startsWith("__")) continue;
      if (!type.description) undescribed.push(type.name);
      if (isObjectType(type) || isInterfaceType(type) || isInputObjectType(type)) {
        for (const field of Object.values(type.getFields())) {
          if (!field.description) undescribed.push(`${type.name}.${field.name}`);
          for (const arg of "args" in field ? field.args : []) {
            if (!arg.description) undescribed.push(`${type.name}.${field.name}(${arg.name})`);
          }
        }
      }
      if (isEnumType(type)) {
        for (const value of type.getValues()) if (!value.description) undescribed.push(`${type.name}.${value.name}`);
      }
    }
    expect(undescribed).toEqual([]);
  });

  it("keeps the public contract: Relay nodes, connections and the root fields", () => {
    const schema = buildSchema(committed);
    const query = schema.getQueryType()!.getFields();
    expect(Object.keys(query)).toEqual(
      expect.arrayContaining(["article", "articles", "node", "nodes", "organization", "organizations", "people", "person", "photo", "photos", "place", "places", "topic", "topics", "search"]),
    );
    for (const type of ["Article", "Person", "Place", "Organization", "Topic", "Photo"]) {
      const object = schema.getType(type);
      expect(isObjectType(object) && object.getInterfaces().map((i) => i.name)).toEqual(expect.arrayContaining(["Node"]));
    }
    for (const type of ["Person", "Place", "Organization", "Topic"]) {
      const object = schema.getType(type);
      expect(isObjectType(object) && object.getInterfaces().map((i) => i.name)).toContain("Entity");
    }
    expect(Object.keys((schema.getType("ArticleConnection") as any).getFields()).sort()).toEqual(["edges", "pageInfo", "totalCount"]);
  });
});
