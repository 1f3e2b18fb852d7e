import { InvalidInputError } from "../errors";

/** The fields a query may name with `field:term`, in the order of the full-text index's columns. */
export const SEARCH_FIELDS = ["headline", "summary", "body"] as const;

/** The longest query accepted, in characters, and the most terms it may hold. */
const MAX_QUERY_LENGTH = 500;
const MAX_TERMS = 32;

type Token =
  | { kind: "word"; text: string; prefix: boolean; field: string | null; at: number }
  | { kind: "phrase"; text: string; field: string | null; at: number }
  | { kind: "and" | "or" | "not" | "open" | "close"; at: number };

/**
 * A parsed search query rendered for each database: `fts5` is an SQLite FTS5 match expression,
 * `tsquery` the text of a PostgreSQL `to_tsquery` (weights A, B, C standing for headline,
 * summary, body). The dialect module (sql-dialect.ts) binds the one its database reads.
 */
export interface SearchMatch {
  fts5: string;
  tsquery: string;
}

/** How one database's match syntax spells each part of a query. */
interface MatchSyntax {
  word(text: string, prefix: boolean, field: string | null): string;
  phrase(text: string, field: string | null): string;
  all(parts: string[]): string;
  any(parts: string[]): string;
  without(kept: string, excluded: string): string;
}

const FTS5: MatchSyntax = {
  word: (text, prefix, field) => `${fieldPrefix(field)}${quote(text)}${prefix ? " *" : ""}`,
  phrase: (text, field) => `${fieldPrefix(field)}${quote(text)}`,
  all: (parts) => `(${parts.join(" AND ")})`,
  any: (parts) => `(${parts.join(" OR ")})`,
  without: (kept, excluded) => `(${kept} NOT ${excluded})`,
};

/**
 * to_tsquery's syntax. A quoted lexeme is run through the text search configuration, so a phrase
 * or a hyphenated word becomes words joined by `<->` (followed by), each with the label.
 */
const TSQUERY: MatchSyntax = {
  word: (text, prefix, field) => `${lexeme(text)}${prefix || field ? `:${prefix ? "*" : ""}${field ? FIELD_WEIGHTS[field] : ""}` : ""}`,
  phrase: (text, field) => `${lexeme(text)}${field ? `:${FIELD_WEIGHTS[field]}` : ""}`,
  all: (parts) => `(${parts.join(" & ")})`,
  any: (parts) => `(${parts.join(" | ")})`,
  without: (kept, excluded) => `(${kept} & !${excluded})`,
};

/** The tsvector weight each field's text carries on PostgreSQL. */
const FIELD_WEIGHTS: Record<string, string> = { headline: "A", summary: "B", body: "C" };

/**
 * Compiles a user's search query into a full-text match expression for each database, or throws
 * {@link InvalidInputError} saying what is wrong and where. The syntax: words (all must occur),
 * `"exact phrases"`, `AND`, `OR`, `NOT` (upper case; `a NOT b`; NOT binds tighter than AND, AND
 * than OR), parentheses, a trailing `*` for a prefix (`diplom*`), and `headline:`, `summary:` or `body:` before a word or phrase. Every word
 * and phrase is passed on quoted, so no character of the query can reach the database as syntax.
 */
export function compileSearchQuery(query: string): SearchMatch {
  if (query.length > MAX_QUERY_LENGTH) throw invalid(`is ${query.length} characters long; the most is ${MAX_QUERY_LENGTH}`);
  // FTS5 ends a quoted term at U+0000 and PostgreSQL refuses it: no stored story holds one.
  const nul = query.indexOf("\u0000");
  if (nul >= 0) throw invalid(`has the NUL character (U+0000) at character ${nul + 1}`);
  const tokens = tokenize(query);
  if (tokens.filter((token) => token.kind === "word" || token.kind === "phrase").length > MAX_TERMS) {
    throw invalid(`has more than ${MAX_TERMS} words and phrases`);
  }
  if (tokens.length === 0) throw invalid("is empty: give at least one word");
  return { fts5: render(tokens, FTS5), tsquery: render(tokens, TSQUERY) };
}

/** The tokens parsed as a query (OR of ANDs of NOTs) and spelled in `syntax`. */
function render(tokens: Token[], syntax: MatchSyntax): string {
  let position = 0;
  const peek = () => tokens[position];

  const parseOr = (): string => {
    const parts = [parseAnd()];
    while (peek()?.kind === "or") {
      position++;
      parts.push(parseAnd());
    }
    return parts.length === 1 ? parts[0] : syntax.any(parts);
  };
  const parseAnd = (): string => {
    const parts = [parseNot()];
    for (;;) {
      const next = peek();
      if (next?.kind === "and") {
        position++;
        parts.push(parseNot());
      } else if (next && (next.kind === "word" || next.kind === "phrase" || next.kind === "open")) {
        parts.push(parseNot());
      } else {
        return parts.length === 1 ? parts[0] : syntax.all(parts);
      }
    }
  };
  const parseNot = (): string => {
    let expression = parseUnary();
    while (peek()?.kind === "not") {
      position++;
      expression = syntax.without(expression, parseUnary());
    }
    return expression;
  };
  const parseUnary = (): string => {
    const token = peek();
    if (!token) throw invalid("ends where a word, phrase or ( was expected");
    position++;
    switch (token.kind) {
      case "word":
        return syntax.word(token.text, token.prefix, token.field);
      case "phrase":
        return syntax.phrase(token.text, token.field);
      case "open": {
        const inner = parseOr();
        if (peek()?.kind !== "close") throw invalid(`has a ( at character ${token.at + 1} that is never closed`);
        position++;
        return inner;
      }
      case "not":
        throw invalid(`starts a part with NOT at character ${token.at + 1}: NOT excludes what follows from what comes before, as in "syria NOT turkey"`);
      default:
        throw invalid(`has ${token.kind === "close" ? "a )" : token.kind.toUpperCase()} at character ${token.at + 1} where a word, phrase or ( was expected`);
    }
  };

  const expression = parseOr();
  const rest = peek();
  if (rest) throw invalid(`has ${rest.kind === "close" ? "a ) with no (" : "an unexpected part"} at character ${rest.at + 1}`);
  return expression;
}

function tokenize(query: string): Token[] {
  const tokens: Token[] = [];
  const pattern = /\s+|(\(|\))|(?:([A-Za-z]+):)?"([^"]*)("?)|(?:([A-Za-z]+):)?([^\s()"]+)/gy;
  for (let match = pattern.exec(query); match && match.index < query.length; match = pattern.exec(query)) {
    const at = match.index;
    const [, paren, phraseField, phrase, closing, wordField, word] = match;
    if (paren) tokens.push({ kind: paren === "(" ? "open" : "close", at });
    else if (phrase !== undefined) {
      if (closing !== '"') throw invalid(`has a quote at character ${at + 1 + (phraseField ? phraseField.length + 1 : 0)} that is never closed`);
      if (phrase.trim().length === 0) throw invalid(`has an empty phrase at character ${at + 1}`);
      tokens.push({ kind: "phrase", text: phrase, field: field(phraseField), at });
    } else if (word !== undefined) {
      if (!wordField && (word === "AND" || word === "OR" || word === "NOT")) tokens.push({ kind: word.toLowerCase() as "and" | "or" | "not", at });
      else {
        const prefix = word.endsWith("*");
        const text = word.replace(/\*+$/, "");
        if (!/[\p{L}\p{N}]/u.test(text)) throw invalid(`has "${word}" at character ${at + 1}, which holds no letter or digit`);
        tokens.push({ kind: "word", text, prefix, field: field(wordField), at });
      }
    }
    if (pattern.lastIndex === at) break;
  }
  return tokens;
}

function field(name: string | undefined): string | null {
  if (name === undefined) return null;
  const lower = name.toLowerCase();
  if (!(SEARCH_FIELDS as readonly string[]).includes(lower)) throw invalid(`names the field "${name}"; the fields are ${SEARCH_FIELDS.join(", ")}`);
  return lower;
}

function fieldPrefix(name: string | null): string {
  return name ? `${name} : ` : "";
}

/** A tsquery lexeme: the text in single quotes, quotes and backslashes escaped. */
function lexeme(text: string): string {
  return `'${text.replace(/\\/g, "\\\\").replace(/'/g, "''")}'`;
}

/** A full-text string literal: the text in double quotes, inner quotes doubled. */
function quote(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

function invalid(problem: string): InvalidInputError {
  return new InvalidInputError(`the search query ${problem}`, "query");
}
