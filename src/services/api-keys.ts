import { createHash, randomBytes } from "node:crypto";
import { In, IsNull, type EntityManager } from "typeorm";
import { ApiKey } from "../entities/api-key";
import { API_ROLES, ApiRole } from "../entities/api-role";
import { InvalidInputError, NotFoundError } from "./errors";
import { idChunks } from "./sql";

/** Every key starts with this, so a leaked one is recognisable in code and logs. */
const KEY_PREFIX = "cg_";

/** Characters of a key shown in lists: the fixed prefix and eight of the secret. */
const DISPLAY_LENGTH = KEY_PREFIX.length + 8;

/** A key as listed: everything but the secret. */
export interface ApiKeyInfo {
  id: number;
  name: string;
  role: ApiRole;
  /** The first characters of the key, to recognise it. */
  prefix: string;
  createdAt: Date;
  revokedAt: Date | null;
}

/** Who is calling, as an authenticated key says. */
export interface Viewer {
  keyId: number;
  name: string;
  role: ApiRole;
}

/**
 * Creates, lists, revokes and checks API keys. Keys are 256 random bits, so storing their SHA-256
 * is enough: nobody can guess a secret from its hash, and checking one costs a single indexed
 * lookup. Every check reads the database, so a revoked key fails on the very next request.
 */
export class ApiKeys {
  constructor(private readonly manager: EntityManager) {}

  /** Creates a key; the returned secret is the only copy, since only its hash is stored. */
  async create(name: string, role: string): Promise<{ key: string; info: ApiKeyInfo }> {
    const trimmed = name.trim();
    if (trimmed.length === 0 || trimmed.length > 200) throw new InvalidInputError("a key needs a name of 1 to 200 characters", "name");
    const checkedRole = parseRole(role);
    const key = `${KEY_PREFIX}${randomBytes(32).toString("base64url")}`;
    const stored = await this.manager.save(
      this.manager.create(ApiKey, { name: trimmed, role: checkedRole, prefix: key.slice(0, DISPLAY_LENGTH), keyHash: hashOf(key), revokedAt: null }),
    );
    return { key, info: infoOf(stored) };
  }

  /** Every key, oldest first, revoked ones included. */
  async list(): Promise<ApiKeyInfo[]> {
    return (await this.manager.find(ApiKey, { order: { id: "ASC" } })).map(infoOf);
  }

  /** Revokes the key with this numeric ID or display prefix; revoking twice keeps the first date. */
  async revoke(idOrPrefix: string): Promise<ApiKeyInfo> {
    const where = /^[0-9]+$/.test(idOrPrefix) ? { id: Number(idOrPrefix) } : { prefix: idOrPrefix };
    const key = await this.manager.findOne(ApiKey, { where });
    if (!key) throw new NotFoundError(`no API key has the ID or prefix "${idOrPrefix}"`);
    if (key.revokedAt === null) {
      key.revokedAt = new Date();
      await this.manager.update(ApiKey, key.id, { revokedAt: key.revokedAt });
    }
    return infoOf(key);
  }

  /** The caller a secret belongs to, or null when no live key has it. */
  async authenticate(secret: string): Promise<Viewer | null> {
    if (!secret.startsWith(KEY_PREFIX)) return null;
    const key = await this.manager.findOne(ApiKey, { where: { keyHash: hashOf(secret), revokedAt: IsNull() } });
    return key ? { keyId: key.id, name: key.name, role: key.role } : null;
  }

  /**
   * Which of these keys still authenticate (neither revoked nor removed), read by ID in one
   * statement per {@link idChunks} run: how connections that outlive a request (WebSocket
   * subscriptions) re-check the keys they were opened with, all of a process's at once.
   */
  async liveAmong(keyIds: number[]): Promise<Set<number>> {
    const live = new Set<number>();
    for (const ids of idChunks(keyIds)) {
      const keys = await this.manager.find(ApiKey, { select: { id: true }, where: { id: In(ids), revokedAt: IsNull() } });
      for (const key of keys) live.add(key.id);
    }
    return live;
  }
}

/** A role name checked against the known roles. */
export function parseRole(role: string): ApiRole {
  const found = API_ROLES.find((known) => known === role.trim().toLowerCase());
  if (!found) throw new InvalidInputError(`role must be one of ${API_ROLES.join(", ")}, got "${role}"`, "role");
  return found;
}

function hashOf(secret: string): string {
  return createHash("sha256").update(secret, "utf8").digest("hex");
}

function infoOf(key: ApiKey): ApiKeyInfo {
  return { id: key.id, name: key.name, role: key.role, prefix: key.prefix, createdAt: key.createdAt, revokedAt: key.revokedAt };
}
