import fs from "node:fs";
import type http from "node:http";
import path from "node:path";
import { projectRoot } from "./project-root";

/**
 * The browser apps the server hands out, by URL prefix, each a folder that `npm run build` fills
 * (`web/build.mjs`): `index.html` plus hashed files under `assets/`.
 */
export const WEB_APPS: Readonly<Record<string, string>> = {
  "/dashboard": path.join(projectRoot(), "dist", "web", "dashboard"),
  "/graphiql": path.join(projectRoot(), "dist", "web", "graphiql"),
};

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".woff": "font/woff",
  ".woff2": "font/woff2",
  ".ttf": "font/ttf",
};

/**
 * The pages may load only what the server itself serves (the apps work on an isolated network),
 * talk only to this origin (HTTP and graphql-ws), and run no inline script, so text from stories
 * can never become code. Inline styles are allowed: the chart and editor libraries set them.
 */
const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; worker-src 'self' blob:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

/**
 * Serves a file of one of the {@link WEB_APPS} when the request's path is under its prefix, and
 * tells whether it did (false: the request is not for a web app, handle it elsewhere).
 * `/dashboard` and `/dashboard/` are the app's `index.html`, revalidated on every load; the hashed
 * files under `assets/` change name with their content, so browsers keep them a year. Paths are
 * resolved inside the app's folder only: `..`, encoded or not, and NUL bytes are refused.
 */
export async function serveWebApp(request: http.IncomingMessage, response: http.ServerResponse, pathname: string): Promise<boolean> {
  const prefix = Object.keys(WEB_APPS).find((candidate) => pathname === candidate || pathname.startsWith(`${candidate}/`));
  if (prefix === undefined) return false;
  if (request.method !== "GET" && request.method !== "HEAD") {
    response.writeHead(405, { allow: "GET, HEAD", "content-type": "text/plain; charset=utf-8" });
    response.end("only GET and HEAD are served here\n");
    return true;
  }

  const folder = WEB_APPS[prefix];
  const file = resolveInside(folder, pathname.slice(prefix.length));
  if (file === null) {
    response.writeHead(400, { "content-type": "text/plain; charset=utf-8" });
    response.end("bad path\n");
    return true;
  }
  const stat = await fs.promises.stat(file).catch(() => null);
  if (stat === null || !stat.isFile()) {
    const built = fs.existsSync(path.join(folder, "index.html"));
    response.writeHead(built ? 404 : 503, { "content-type": "text/plain; charset=utf-8" });
    response.end(built ? `nothing at ${pathname}\n` : `${prefix} is not built: run npm run build\n`);
    return true;
  }

  const hashed = path.relative(folder, file).startsWith(`assets${path.sep}`);
  const etag = `"${stat.size.toString(16)}-${Math.floor(stat.mtimeMs).toString(16)}"`;
  const headers: http.OutgoingHttpHeaders = {
    "content-type": CONTENT_TYPES[path.extname(file)] ?? "application/octet-stream",
    "cache-control": hashed ? "public, max-age=31536000, immutable" : "no-cache",
    etag,
    "x-content-type-options": "nosniff",
    "referrer-policy": "no-referrer",
  };
  if (file.endsWith(".html")) headers["content-security-policy"] = CONTENT_SECURITY_POLICY;
  if (request.headers["if-none-match"] === etag) {
    response.writeHead(304, headers);
    response.end();
    return true;
  }
  response.writeHead(200, { ...headers, "content-length": stat.size });
  if (request.method === "HEAD") {
    response.end();
    return true;
  }
  await new Promise<void>((resolve, reject) => {
    fs.createReadStream(file).on("error", reject).pipe(response).on("finish", resolve).on("error", reject);
  });
  return true;
}

/** The file a URL path below an app's prefix names, or null when it would leave the folder or is malformed. */
function resolveInside(folder: string, rest: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(rest);
  } catch {
    return null;
  }
  if (decoded.includes("\0") || decoded.includes("\\")) return null;
  if (decoded.split("/").some((segment) => segment === "..")) return null;
  const relative = decoded.replace(/^\/+/, "");
  const file = path.resolve(folder, relative === "" ? "index.html" : relative);
  return file.startsWith(folder + path.sep) ? file : null;
}
