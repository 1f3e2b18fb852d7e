import type { EntityManager } from "typeorm";
import { runSql } from "./sql";

/** An entity named in the same stories as another, and in how many. */
export interface CoMention {
  entityId: number;
  /** Stories that name both. */
  count: number;
}

/**
 * Ranks the entities most often named in the same stories as each given entity: who is in the
 * news with whom. For a topic, the stories are those filed under it. Ties go to the entity
 * registered first, so the order is stable.
 */
export class CoMentionRanker {
  constructor(private readonly manager: EntityManager) {}

  /** The top `first` co-mentioned entities of each entity, most shared stories first. */
  async rank(entityIds: number[], first: number): Promise<Map<number, CoMention[]>> {
    const rows = await runSql<{ source: number; other: number; shared: number | string }>(
      this.manager,
      `SELECT ranked.source, ranked.other, ranked.shared FROM (
         SELECT pairs.source, pairs.other, pairs.shared,
                ROW_NUMBER() OVER (PARTITION BY pairs.source ORDER BY pairs.shared DESC, pairs.other ASC) AS position
         FROM (
           SELECT s.source, m."entityId" AS other, COUNT(*) AS shared
           FROM (
             SELECT "entityId" AS source, "articleId" FROM article_mention WHERE "entityId" IN (:...entityIds)
             UNION
             SELECT "topicId", "articleId" FROM article_topic WHERE "topicId" IN (:...entityIds)
           ) s
           JOIN article_mention m ON m."articleId" = s."articleId" AND m."entityId" <> s.source
           GROUP BY s.source, m."entityId"
         ) pairs
       ) ranked
       WHERE ranked.position <= :first
       ORDER BY ranked.source, ranked.position`,
      { entityIds, first },
    );
    const ranked = new Map<number, CoMention[]>(entityIds.map((id) => [id, []]));
    for (const row of rows) ranked.get(Number(row.source))?.push({ entityId: Number(row.other), count: Number(row.shared) });
    return ranked;
  }
}
