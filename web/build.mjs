// Bundles the browser apps served by the API server (`/dashboard`, `/graphiql`) into dist/web/<app>/
// with esbuild: one hashed script and stylesheet per app under assets/ (cached for a year by the
// server), and an index.html naming them (never cached), so a new build is picked up at once.
// The GraphiQL tabs are the README's example operations, read from README.md here so they cannot
// drift from the documentation.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import * as esbuild from "esbuild";
import { parse } from "graphql";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const production = process.env.WEB_BUILD_DEV !== "true";

/** The README's ```graphql blocks as GraphiQL tabs: one operation each, named, under its section's heading. */
function readmeExamples(markdown) {
  const examples = [];
  let heading = "";
  const lines = markdown.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const headingMatch = /^#{2,4}\s+(.*)$/.exec(lines[i]);
    if (headingMatch) heading = headingMatch[1].trim();
    if (lines[i].trim() !== "```graphql") continue;
    const block = [];
    const opening = i + 1;
    for (i++; i < lines.length && lines[i].trim() !== "```"; i++) block.push(lines[i]);
    const source = block.join("\n");
    let document;
    try {
      document = parse(source);
    } catch (error) {
      throw new Error(`README.md:${opening}: a graphql example does not parse: ${error.message}`);
    }
    // A block may hold several operations ("More to try"): each becomes its own tab. GraphiQL
    // titles a tab by its operation's name, so an anonymous one is named after its first field.
    for (const definition of document.definitions) {
      const text = source.slice(definition.loc.start, definition.loc.end);
      const firstField = definition.selectionSet.selections[0].name.value;
      const name = definition.name?.value ?? firstField[0].toUpperCase() + firstField.slice(1);
      const named = definition.name ? text : text.startsWith("{") ? `query ${name} ${text}` : text.replace(/^(query|mutation|subscription)\s*/, `$1 ${name}`);
      const variables = Object.fromEntries((definition.variableDefinitions ?? []).map((variable) => [variable.variable.name.value, ""]));
      examples.push({
        query: `# ${heading}\n${named}\n`,
        variables: Object.keys(variables).length ? JSON.stringify(variables, null, 2) : undefined,
      });
    }
  }
  return examples;
}

const apps = {
  dashboard: { title: "Newsroom dashboard", entry: "web/dashboard/main.tsx" },
  graphiql: { title: "GraphiQL: news content graph", entry: "web/graphiql/main.tsx" },
};

async function buildApp(name, { title, entry }) {
  const outdir = path.join(root, "dist", "web", name);
  fs.rmSync(outdir, { recursive: true, force: true });
  const result = await esbuild.build({
    absWorkingDir: root,
    entryPoints: { [name]: entry },
    bundle: true,
    format: "esm",
    target: ["chrome110", "firefox110", "safari16"],
    minify: production,
    sourcemap: true,
    outdir: path.join(outdir, "assets"),
    entryNames: "[name]-[hash]",
    assetNames: "[name]-[hash]",
    loader: { ".woff": "file", ".woff2": "file", ".ttf": "file", ".svg": "file", ".png": "file" },
    define: {
      "process.env.NODE_ENV": JSON.stringify(production ? "production" : "development"),
      __README_EXAMPLES__: JSON.stringify(name === "graphiql" ? readmeExamples(fs.readFileSync(path.join(root, "README.md"), "utf8")) : []),
    },
    metafile: true,
    logLevel: "warning",
  });
  const outputs = Object.keys(result.metafile.outputs).map((file) => path.relative(outdir, path.join(root, file)).split(path.sep).join("/"));
  const script = outputs.find((file) => file.endsWith(".js"));
  const style = outputs.find((file) => file.endsWith(".css"));
  const html = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<link rel="icon" href="data:,">
${style ? `<link rel="stylesheet" href="/${name}/${style}">\n` : ""}<script type="module" src="/${name}/${script}"></script>
</head>
<body>
<div id="root"></div>
<noscript>This page needs JavaScript.</noscript>
</body>
</html>
`;
  fs.writeFileSync(path.join(outdir, "index.html"), html);
  const bytes = outputs.filter((file) => !file.endsWith(".map")).reduce((sum, file) => sum + fs.statSync(path.join(outdir, file)).size, 0);
  return `${name} ${(bytes / 1024).toFixed(0)} KiB`;
}

const started = Date.now();
const built = await Promise.all(Object.entries(apps).map(([name, app]) => buildApp(name, app)));
process.stdout.write(`web: built ${built.join(", ")} into dist/web in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
