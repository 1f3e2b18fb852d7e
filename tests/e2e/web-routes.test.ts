import http from "node:http";
import { startGraphServer, type GraphServer } from "./graph-server";

/** A raw GET (or other method) with the path sent exactly as written, as an attacker would send it. */
function raw(origin: string, path: string, options: { method?: string; headers?: Record<string, string> } = {}): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
  const { hostname, port } = new URL(origin);
  return new Promise((resolve, reject) => {
    const request = http.request({ hostname, port, path, method: options.method ?? "GET", headers: options.headers }, (response) => {
      let body = "";
      response.setEncoding("utf8");
      response.on("data", (chunk) => (body += chunk));
      response.on("end", () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body }));
    });
    request.on("error", reject);
    request.end();
  });
}

/** How the server hands out the built web apps (npm test builds them first). */
describe("the web apps' routes", () => {
  let graph: GraphServer;
  let origin: string;
  beforeAll(async () => {
    graph = await startGraphServer();
    origin = graph.origin;
  });
  afterAll(() => graph.stop());

  it.each(["/dashboard", "/dashboard/", "/graphiql", "/graphiql/"])("serves %s as a page revalidated on every load, allowed to load only from this server", async (path) => {
    const page = await raw(origin, path);
    expect(page.status).toBe(200);
    expect(page.headers["content-type"]).toBe("text/html; charset=utf-8");
    expect(page.headers["cache-control"]).toBe("no-cache");
    expect(page.headers["content-security-policy"]).toContain("default-src 'self'");
    expect(page.headers["content-security-policy"]).toContain("script-src 'self'");
    expect(page.body).toMatch(/<script type="module" src="\/(dashboard|graphiql)\/assets\/[a-z]+-[A-Z0-9]+\.js"><\/script>/);
  });

  it("serves the hashed scripts and stylesheets with their types, cached for a year, and answers 304 to a revalidation", async () => {
    const page = await raw(origin, "/dashboard");
    const script = /src="([^"]+\.js)"/.exec(page.body)![1];
    const style = /href="([^"]+\.css)"/.exec(page.body)![1];
    const js = await raw(origin, script);
    expect(js.status).toBe(200);
    expect(js.headers["content-type"]).toBe("text/javascript; charset=utf-8");
    expect(js.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
    expect(js.headers["x-content-type-options"]).toBe("nosniff");
    expect(Number(js.headers["content-length"])).toBe(Buffer.byteLength(js.body));
    const css = await raw(origin, style);
    expect(css.headers["content-type"]).toBe("text/css; charset=utf-8");
    const again = await raw(origin, script, { headers: { "if-none-match": String(js.headers.etag) } });
    expect(again.status).toBe(304);
    expect(again.body).toBe("");
    const head = await raw(origin, script, { method: "HEAD" });
    expect(head.status).toBe(200);
    expect(head.body).toBe("");
  });

  it.each([
    "/dashboard/../../../package.json",
    "/dashboard/..%2f..%2f..%2fpackage.json",
    "/dashboard/%2e%2e/%2e%2e/%2e%2e/package.json",
    "/dashboard/assets/..%5c..%5c..%5c..%5cpackage.json",
    "/dashboard/%2e%2e%2f%2e%2e%2f%2e%2e%2fsrc%2fmain.ts",
    "/dashboard//etc/passwd",
    "/graphiql/assets/%00.js",
    "/dashboard/%E0%A4%A",
  ])("never serves a file outside the app's folder: %s", async (path) => {
    const response = await raw(origin, path);
    expect([400, 404]).toContain(response.status);
    expect(response.body).not.toContain("news-content-graph");
    expect(response.body).not.toContain("import");
    expect(response.body).not.toContain("root:");
  });

  it("answers 404 for a file the build does not have, and 405 to anything but GET and HEAD", async () => {
    expect((await raw(origin, "/dashboard/assets/nothing-here.js")).status).toBe(404);
    const post = await raw(origin, "/dashboard", { method: "POST" });
    expect(post.status).toBe(405);
    expect(post.headers.allow).toBe("GET, HEAD");
  });

  it("leaves /graphql to the API, with Apollo Sandbox as its landing page in a browser", async () => {
    const landing = await raw(origin, "/graphql", { headers: { accept: "text/html" } });
    expect(landing.status).toBe(200);
    expect(landing.body).toContain("sandbox");
    const response = await fetch(`${origin}/graphql`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query: "{ topic(slug: \"syria\") { name } }" }) });
    expect(((await response.json()) as { data: unknown }).data).toEqual({ topic: { name: "Syria" } });
  });
});
