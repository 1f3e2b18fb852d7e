import { InvalidInputError } from "./errors";

/** The types whose objects are addressable by a global ID. */
export const NODE_TYPES = ["Article", "Person", "Place", "Organization", "Topic", "Photo"] as const;

/** The GraphQL type name an opaque global ID stands for. */
export type NodeType = (typeof NODE_TYPES)[number];

/** A decoded global ID: the object's type and its database key. */
export interface NodeKey {
  type: NodeType;
  id: number;
}

/**
 * Encodes a type and database key as an opaque Relay global ID ("Person:12" in base64url). Clients
 * must treat it as opaque: the encoding may change, the ID of an object will not.
 */
export function encodeGlobalId(type: NodeType, id: number): string {
  return Buffer.from(`${type}:${id}`, "utf8").toString("base64url");
}

/**
 * Decodes a global ID, throwing {@link InvalidInputError} when it is not one this service issued,
 * or, with `expected`, when it names an object of another type.
 */
export function decodeGlobalId(globalId: string, expected?: readonly NodeType[]): NodeKey {
  const match = /^([A-Za-z]+):([1-9][0-9]{0,15})$/.exec(Buffer.from(globalId, "base64url").toString("utf8"));
  const type = match?.[1] as NodeType | undefined;
  if (!match || !type || !NODE_TYPES.includes(type)) {
    throw new InvalidInputError(`"${globalId}" is not a valid ID`);
  }
  if (expected && !expected.includes(type)) {
    throw new InvalidInputError(`ID "${globalId}" refers to a ${type}, not ${expected.map(article).join(" or ")}`);
  }
  return { type, id: Number(match[2]) };
}

function article(type: NodeType): string {
  return /^[AEIOU]/.test(type) ? `an ${type}` : `a ${type}`;
}
