import { useState, type FormEvent } from "react";
import { formatDate, type ArticleFilter, type EntityRef } from "../model";
import { Highlighted } from "../highlight";
import { SEARCH } from "../queries";
import { useQuery } from "../use-query";
import { ErrorNote } from "./status";

type FacetField = "topics" | "people" | "places" | "organizations" | "publishers";
interface FacetValue {
  count: number;
  entity: EntityRef;
}
interface SearchData {
  search: {
    totalCount: number;
    edges: Array<{ headlineHighlight: string; snippet: string; node: { id: string; publishedAt: string | null; publisher: { name: string } | null } }>;
  };
  facets: Record<FacetField, FacetValue[]>;
}
/** A facet value the search is narrowed to. */
interface Refinement {
  field: FacetField;
  entity: EntityRef;
}

const FACET_TITLES: Record<FacetField, string> = { topics: "Topics", people: "People", places: "Places", organizations: "Organizations", publishers: "Publishers" };

/** Each refinement must hold: a publisher is the story's publisher, the others are named or filed under. */
function refinementFilter(refinements: Refinement[]): ArticleFilter | undefined {
  if (refinements.length === 0) return undefined;
  return { and: refinements.map(({ field, entity }) => (field === "publishers" ? { publisher: entity.id } : { [field]: { anyOf: [entity.id] } })) };
}

/**
 * Full-text search with the server's highlighted headlines and snippets, and its facets as
 * filters: choosing a facet value narrows the results to it (its count said how many would stay);
 * the chips above the results undo each one.
 */
export function SearchPanel({ onOpen }: { onOpen: (id: string) => void }) {
  const [text, setText] = useState("");
  const [query, setQuery] = useState("");
  const [refinements, setRefinements] = useState<Refinement[]>([]);
  const { data, error, loading } = useQuery<SearchData>(query ? SEARCH : null, { query, filter: refinementFilter(refinements) });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setQuery(text.trim());
    setRefinements([]);
  };
  const refine = (refinement: Refinement) => setRefinements((previous) => [...previous, refinement]);
  const unrefine = (refinement: Refinement) => setRefinements((previous) => previous.filter((r) => r !== refinement));

  return (
    <section className="panel search" aria-labelledby="search-heading" aria-busy={loading}>
      <h2 id="search-heading">Search the stories</h2>
      <form role="search" onSubmit={submit}>
        <label htmlFor="search-input" className="visually-hidden">Search query</label>
        <input id="search-input" type="search" value={text} onChange={(event) => setText(event.target.value)}
          placeholder={'Words, "exact phrases", AND, OR, NOT, diplom*'} />
        <button type="submit">Search</button>
      </form>
      <ErrorNote error={error} />
      {refinements.length > 0 && (
        <ul className="picked" aria-label="Narrowed to">
          {refinements.map((refinement) => (
            <li key={`${refinement.field}-${refinement.entity.id}`} className="chip">
              <span className="chip-name">{FACET_TITLES[refinement.field]}: {refinement.entity.name}</span>
              <button type="button" className="chip-remove" onClick={() => unrefine(refinement)} aria-label={`Remove the filter ${refinement.entity.name}`}>×</button>
            </li>
          ))}
        </ul>
      )}
      {data && (
        <div className="search-body">
          <div className="facets" aria-label="Narrow the results">
            {(Object.keys(FACET_TITLES) as FacetField[]).map((field) =>
              data.facets[field].length === 0 ? null : (
                <div key={field} className="facet">
                  <h3>{FACET_TITLES[field]}</h3>
                  <ul>
                    {data.facets[field].map((value) => (
                      <li key={value.entity.id}>
                        <button type="button" className="facet-value" onClick={() => refine({ field, entity: value.entity })}
                          disabled={refinements.some((r) => r.field === field && r.entity.id === value.entity.id)}>
                          {value.entity.name} <span className="count">{value.count}</span>
                        </button>
                      </li>
                    ))}
                  </ul>
                </div>
              ),
            )}
          </div>
          <div className="results">
            <p className="hint" role="status">
              {data.search.totalCount} {data.search.totalCount === 1 ? "story matches" : "stories match"}
            </p>
            <ol className="hits" data-testid="search-results">
              {data.search.edges.map((hit) => (
                <li key={hit.node.id}>
                  <button type="button" className="story-link" onClick={() => onOpen(hit.node.id)}>
                    <Highlighted html={hit.headlineHighlight} />
                  </button>
                  <span className="meta">
                    {formatDate(hit.node.publishedAt)}
                    {hit.node.publisher ? ` · ${hit.node.publisher.name}` : ""}
                  </span>
                  <p className="snippet">
                    <Highlighted html={hit.snippet} />
                  </p>
                </li>
              ))}
            </ol>
          </div>
        </div>
      )}
    </section>
  );
}
