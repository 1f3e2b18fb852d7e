import path from "node:path";
import { DEFAULT_DATABASE_URL, loadConfig, parseDatabaseUrl } from "../src/config";
import { DEFAULT_LIMITS } from "../src/limits/limits-config";
import { decodeGlobalId, encodeGlobalId } from "../src/services/global-id";
import { nameKey, slugify } from "../src/services/names";

describe("slugs", () => {
  it("are the headline in lower case, ASCII letters and digits, words joined by -", () => {
    expect(slugify("Blinken makes unannounced Iraq visit as part of Syria diplomacy push")).toBe(
      "blinken-makes-unannounced-iraq-visit-as-part-of-syria-diplomacy-push",
    );
    expect(slugify("Syria’s turning point: Transition or turmoil?")).toBe("syrias-turning-point-transition-or-turmoil");
    expect(slugify("Café Zürich — 2024!")).toBe("cafe-zurich-2024");
  });
});

describe("name keys", () => {
  it("make spellings a reader takes for one name meet", () => {
    expect(nameKey("al-Sudani")).toBe(nameKey("Al Sudani"));
    expect(nameKey("U.S.")).toBe(nameKey("US"));
    expect(nameKey("The Pentagon")).toBe(nameKey("Pentagon"));
    expect(nameKey("Qāsem Soleimani")).toBe(nameKey("Qasem Soleimani"));
  });
});

describe("global IDs", () => {
  it("round-trip a type and key, and are opaque", () => {
    const id = encodeGlobalId("Person", 42);
    expect(id).not.toContain("Person");
    expect(decodeGlobalId(id)).toEqual({ type: "Person", id: 42 });
  });

  it("reject IDs this service did not issue", () => {
    expect(() => decodeGlobalId("abc")).toThrow('"abc" is not a valid ID');
    expect(() => decodeGlobalId(Buffer.from("Spaceship:1").toString("base64url"))).toThrow("is not a valid ID");
    expect(() => decodeGlobalId(Buffer.from("Person:0").toString("base64url"))).toThrow("is not a valid ID");
  });
});

describe("configuration", () => {
  it("defaults to a SQLite file under var/, loopback port 4000, public reads, introspection on, no CORS origins, the default limits", () => {
    expect(loadConfig({})).toEqual({
      database: { kind: "sqlite", file: path.resolve("var/content-graph.sqlite") },
      host: "127.0.0.1",
      port: 4000,
      production: false,
      requireApiKey: false,
      limits: DEFAULT_LIMITS,
      corsOrigins: [],
      introspection: true,
      federation: false,
      responseCache: false,
    });
    expect(DEFAULT_DATABASE_URL).toBe("sqlite:var/content-graph.sqlite");
  });

  it("reads DATABASE_URL as sqlite:<path>, sqlite::memory: or postgres://", () => {
    expect(parseDatabaseUrl("sqlite:/tmp/graph.db")).toEqual({ kind: "sqlite", file: "/tmp/graph.db" });
    expect(parseDatabaseUrl("sqlite:data.db")).toEqual({ kind: "sqlite", file: path.resolve("data.db") });
    expect(parseDatabaseUrl("sqlite::memory:")).toEqual({ kind: "sqlite", file: ":memory:" });
    expect(parseDatabaseUrl("postgres://graph:secret@127.0.0.1:5432/graph")).toEqual({ kind: "postgres", url: "postgres://graph:secret@127.0.0.1:5432/graph" });
    expect(parseDatabaseUrl("postgresql://db.internal/news")).toEqual({ kind: "postgres", url: "postgresql://db.internal/news" });
    expect(parseDatabaseUrl("postgres://graph:secret@127.0.0.1:5432/graph?schema=newsroom_b&sslmode=disable")).toEqual({
      kind: "postgres",
      url: "postgres://graph:secret@127.0.0.1:5432/graph?sslmode=disable",
      schema: "newsroom_b",
    });
    expect(() => parseDatabaseUrl("postgres://127.0.0.1/graph?schema=a;drop")).toThrow('names schema "a;drop"');
    expect(() => parseDatabaseUrl("postgres://graph:secret@127.0.0.1:5432")).toThrow('DATABASE_URL "postgres://graph:***@127.0.0.1:5432" names no database');
    expect(() => parseDatabaseUrl("mysql://host/db")).toThrow("use sqlite:<path>, sqlite::memory: or postgres://user:password@host:port/database");
  });

  it("rejects a PORT that is not a port", () => {
    expect(() => loadConfig({ PORT: "http" })).toThrow('PORT "http" is not a port number');
  });
});
