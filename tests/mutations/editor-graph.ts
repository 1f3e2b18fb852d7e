import { ApolloServer } from "@apollo/server";
import { createContext, type Context } from "../../src/context.type";
import { ApiRole } from "../../src/entities/api-role";
import { formatError } from "../../src/format-error";
import { buildGraphSchema } from "../../src/schema";
import { openTestGraph, type TestGraph } from "../support/graph";

/** A test graph with a second way in: operations run as the holder of an editor key. */
export interface EditorGraph extends TestGraph {
  asEditor: TestGraph["query"];
}

/** Opens a fresh in-memory graph loaded with `data/`, where `asEditor` runs operations with an editor key. */
export async function openEditorGraph(): Promise<EditorGraph> {
  const graph = await openTestGraph();
  const server = new ApolloServer<Context>({ schema: await buildGraphSchema(), formatError: formatError(false) });
  await server.start();
  const editor = { keyId: 1, name: "test editor", role: ApiRole.EDITOR };
  return {
    ...graph,
    async asEditor(query, variables) {
      const response = await server.executeOperation({ query, variables }, { contextValue: createContext(graph.dataSource, editor) });
      if (response.body.kind !== "single") throw new Error("expected a single result");
      return response.body.singleResult as never;
    },
    async close() {
      await server.stop();
      await graph.close();
    },
  };
}
