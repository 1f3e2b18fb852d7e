/**
 * The offline GraphQL IDE at `/graphiql`: GraphiQL bundled from the project's own dependencies
 * (no CDN), talking to `/graphql` over HTTP and to subscriptions over graphql-ws on the same path.
 * Its tabs open on the README's example operations, extracted at build time.
 */
import { createGraphiQLFetcher } from "@graphiql/toolkit";
import { GraphiQL } from "graphiql";
import "graphiql/graphiql.css";
import { createRoot } from "react-dom/client";
import "./graphiql.css";

/** One README example: the operation (named, headed by its README section) and its variables left blank. */
interface ReadmeExample {
  query: string;
  variables?: string;
}

declare const __README_EXAMPLES__: ReadmeExample[];

// Subscriptions go over graphql-ws on the same path as HTTP. Given a URL rather than a client, the
// toolkit opens a connection per subscription with the Headers pane as its connection parameters,
// so `{"Authorization": "Bearer cg_..."}` there reaches subscriptions as well as queries.
const fetcher = createGraphiQLFetcher({ url: "/graphql", subscriptionUrl: `${location.protocol === "https:" ? "wss" : "ws"}://${location.host}/graphql` });
const examples = __README_EXAMPLES__;

createRoot(document.getElementById("root")!).render(
  <GraphiQL
    fetcher={fetcher}
    defaultTabs={examples.map((example) => ({ query: example.query, variables: example.variables }))}
    defaultEditorToolsVisibility="variables"
  />,
);

