/**
 * Which browser origins may call the API from their pages (CORS). With none configured (the
 * default) no cross-origin page may read an answer, while pages served by this server, and every
 * non-browser client, are unaffected. `*` allows every origin.
 */
export class CorsPolicy {
  private readonly origins: ReadonlySet<string>;

  constructor(origins: readonly string[]) {
    this.origins = new Set(origins);
  }

  /** True when a page from `origin` may read answers. */
  allows(origin: string): boolean {
    return this.origins.has("*") || this.origins.has(origin);
  }

  /**
   * Headers for an answer to a request sent with this `Origin` header (none when it is absent or
   * not allowed). The origin is echoed rather than `*`, so responses vary by origin and say so.
   */
  headersFor(origin: string | undefined): Record<string, string> {
    if (origin === undefined || !this.allows(origin)) return {};
    return { "access-control-allow-origin": origin, vary: "Origin" };
  }

  /**
   * Headers for the answer to a preflight (`OPTIONS` with `Access-Control-Request-Method`) from an
   * allowed origin: the methods and headers the API takes, cached by the browser for ten minutes.
   */
  preflightHeadersFor(origin: string): Record<string, string> {
    return {
      ...this.headersFor(origin),
      "access-control-allow-methods": "GET, POST, OPTIONS",
      "access-control-allow-headers": "authorization, content-type, apollo-require-preflight, x-apollo-operation-name",
      "access-control-max-age": "600",
    };
  }
}
