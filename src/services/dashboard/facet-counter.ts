import type { EntityManager } from "typeorm";
import { compileArticleFilter, type ArticleFilter } from "../article-filter";
import { runSql } from "../sql";

/** How many of the matching stories have one value of a facet. */
export interface FacetCount<V> {
  value: V;
  count: number;
}

/** The matching stories counted by each facet, the largest counts first. */
export interface Facets {
  /** How many stories match. */
  total: number;
  topics: FacetCount<number>[];
  people: FacetCount<number>[];
  places: FacetCount<number>[];
  organizations: FacetCount<number>[];
  authors: FacetCount<number>[];
  sections: FacetCount<string>[];
  publishers: FacetCount<number>[];
}

type FacetName = Exclude<keyof Facets, "total">;

/**
 * Counts the stories a filter matches by topic, person, place, organization, author, section and
 * publisher: the navigation of a search page. A place counts the stories that mention or are
 * datelined in it or in a place inside it, and a topic those filed under it or a subtopic, so each
 * count is what adding that value to the filter would list.
 */
export class FacetCounter {
  constructor(private readonly manager: EntityManager) {}

  /** The top `first` values of every facet, ties broken by ID (or section name) so the order is stable. */
  async count(filter: ArticleFilter, first: number): Promise<Facets> {
    const where = compileArticleFilter(this.manager, filter);
    const matched = where.conditions.length > 0 ? where.conditions.join(" AND ") : "1 = 1";
    // Entity facets fill "entityId" and the section facet fills section: one column cannot hold
    // both, as PostgreSQL types each column of a UNION once, and it reads a bare NULL in a
    // subquery as text, hence the casts.
    const [noEntity, noSection] = [`CAST(NULL AS integer) AS "entityId"`, `CAST(NULL AS varchar(120)) AS section`];
    const top = (facet: FacetName, key: string, from: string, count = "COUNT(*)") => {
      const columns = facet === "sections" ? `${noEntity}, ${key} AS section` : `${key} AS "entityId", ${noSection}`;
      return `SELECT * FROM (SELECT '${facet}' AS facet, ${columns}, ${count} AS n ${from} GROUP BY ${key} ORDER BY n DESC, ${key} ASC LIMIT :first) ${facet}`;
    };
    const named = (type: string) => `FROM mentioned c JOIN entity e ON e.id = c."entityId" WHERE e.type = '${type}'`;
    const rows = await runSql<{ facet: FacetName | "total"; entityId: number | null; section: string | null; n: number | string }>(
      this.manager,
      // Every facet joins from the matched stories rather than testing `IN (matched)`: SQLite
      // would otherwise probe each entity of a type against each matched story. The CTEs used more
      // than once are MATERIALIZED because SQLite would otherwise run them again at each use (a
      // popular topic's facets took 2.8 s instead of 0.1 s on the 10,000-story bench corpus).
      // Mentions are counted per entity before entities are read for their type, and each matched
      // story's row is read once, for dateline, section and publisher together: a popular topic
      // has tens of thousands of mentions, and an entity or story row is far wider than an edge.
      `WITH RECURSIVE matched(id) AS MATERIALIZED (SELECT a.id FROM article a WHERE ${matched}),
       story AS MATERIALIZED (SELECT a.id, a."datelineId", a.section, a."publisherId" FROM matched x JOIN article a ON a.id = x.id),
       mentioned AS MATERIALIZED (SELECT m."entityId", COUNT(*) AS n FROM matched x JOIN article_mention m ON m."articleId" = x.id GROUP BY m."entityId"),
       placed("articleId", "placeId") AS (
         SELECT m."articleId", m."entityId" FROM matched x JOIN article_mention m ON m."articleId" = x.id JOIN entity e ON e.id = m."entityId"
         WHERE e.type = 'PLACE'
         UNION
         SELECT id, "datelineId" FROM story WHERE "datelineId" IS NOT NULL
         UNION
         SELECT p."articleId", e."containedInId" FROM placed p JOIN entity e ON e.id = p."placeId" WHERE e."containedInId" IS NOT NULL
       ),
       filed("articleId", "topicId") AS (
         SELECT t."articleId", t."topicId" FROM matched x JOIN article_topic t ON t."articleId" = x.id
         UNION
         SELECT f."articleId", e."parentId" FROM filed f JOIN entity e ON e.id = f."topicId" WHERE e."parentId" IS NOT NULL
       )
       SELECT 'total' AS facet, ${noEntity}, ${noSection}, COUNT(*) AS n FROM matched
       UNION ALL ${top("topics", `"topicId"`, "FROM filed")}
       UNION ALL ${top("people", `c."entityId"`, named("PERSON"), "SUM(c.n)")}
       UNION ALL ${top("places", `"placeId"`, "FROM placed")}
       UNION ALL ${top("organizations", `c."entityId"`, named("ORGANIZATION"), "SUM(c.n)")}
       UNION ALL ${top("authors", `w."personId"`, `FROM matched x JOIN article_author w ON w."articleId" = x.id`)}
       UNION ALL ${top("sections", "section", "FROM story WHERE section IS NOT NULL")}
       UNION ALL ${top("publishers", `"publisherId"`, `FROM story WHERE "publisherId" IS NOT NULL`)}`,
      { ...where.params, first },
    );
    const facets: Facets = { total: 0, topics: [], people: [], places: [], organizations: [], authors: [], sections: [], publishers: [] };
    for (const row of rows) {
      if (row.facet === "total") facets.total = Number(row.n);
      else if (row.facet === "sections") facets.sections.push({ value: row.section!, count: Number(row.n) });
      else facets[row.facet].push({ value: Number(row.entityId), count: Number(row.n) });
    }
    // A UNION promises no order across its parts, so each facet is sorted again here.
    const byCountThenValue = (a: FacetCount<number | string>, b: FacetCount<number | string>) => b.count - a.count || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0);
    for (const facet of Object.values(facets)) if (Array.isArray(facet)) facet.sort(byCountThenValue);
    return facets;
  }
}
