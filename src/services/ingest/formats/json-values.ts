/** A JSON object as parsed: keys to values of unknown shape. */
export type JsonObject = Record<string, unknown>;

/** True for a JSON object (not an array, not null). */
export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The string at `key`, trimmed, or null when it is absent, not a string, or blank. */
export function stringField(object: JsonObject, key: string): string | null {
  const value = object[key];
  if (typeof value !== "string") return null;
  const trimmed = value.trim();
  return trimmed.length > 0 ? trimmed : null;
}

/** The objects at `key`: an array's object items, a lone object as one item, else none. */
export function objectList(object: JsonObject, key: string): JsonObject[] {
  const value = object[key];
  if (Array.isArray(value)) return value.filter(isJsonObject);
  return isJsonObject(value) ? [value] : [];
}
