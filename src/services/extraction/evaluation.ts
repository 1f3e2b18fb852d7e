import fs from "node:fs";
import path from "node:path";
import { gazetteer } from "../gazetteer/gazetteer";
import { nameKey } from "../names";
import { isGroupWord } from "./cues";
import type { EntityType } from "./entity-lookup";
import { extractEntities, type Extraction } from "./extract";
import { isNameParticle, nameStartAfterTitle } from "./titles";

/** A document of the re3d corpus. */
export interface Re3dDocument {
  id: string;
  title: string;
  text: string;
}

/** A gold annotation of the re3d corpus; offsets refer to the document's text. */
export interface Re3dAnnotation {
  documentId: string;
  begin: number;
  end: number;
  type: string;
  value: string;
  confidence: number;
}

/** Precision, recall and F1 over documents, with the counts behind them. */
export interface Score {
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  precision: number;
  recall: number;
  f1: number;
}

/** Names per type, as comparison keys (see {@link nameKey}). */
export type NameSets = Record<EntityType, Set<string>>;

export const ENTITY_TYPES: readonly EntityType[] = ["PERSON", "PLACE", "ORGANIZATION"];

const GOLD_TYPES: Record<string, EntityType> = { Person: "PERSON", Location: "PLACE", Organisation: "ORGANIZATION" };
const MIN_CONFIDENCE = 0.5;

/** Words that refer without naming: "we", "he", "them". */
const PRONOUNS = new Set(
  "i me my mine we us our ours you your he him his she her hers it its they them their theirs who whom this that these those here there".split(
    " ",
  ),
);
const DETERMINERS = /^(?:the|a|an|our|its|their|his|her|this|these|that|those|all)\s+/i;
/** A leading genitive, which determines the name after it: "ISIL's" in "ISIL's War Committee". */
const GENITIVE_DETERMINER = /^[^'’]+['’]s?\s+(?=\p{Lu})/u;
const PLACE_DESCRIPTION_BEFORE = /^(?:[\p{L}-]+\s+)?(?:city|town|village|port city|province|region|capital) of\s+/iu;
const PLACE_DESCRIPTION_AFTER = /\s+(?:city|town|province|governorate|region|district|suburbs?)$/;
const CONNECTORS = new Set(["of", "the", "and", "for", "to", "in", "on", "-", "–", "&"]);

/** Reads every re3d folder (`documents.json` and `entities.json`, one JSON object a line) under `dir`. */
export function readRe3d(dir: string): { documents: Re3dDocument[]; annotations: Re3dAnnotation[] } {
  const documents: Re3dDocument[] = [];
  const annotations: Re3dAnnotation[] = [];
  for (const folder of fs.readdirSync(dir).sort()) {
    const documentsFile = path.join(dir, folder, "documents.json");
    if (!fs.existsSync(documentsFile)) continue;
    for (const record of jsonLines(documentsFile)) {
      documents.push({ id: String(record._id), title: String(record.title ?? ""), text: String(record.text ?? "") });
    }
    for (const record of jsonLines(path.join(dir, folder, "entities.json"))) {
      annotations.push({
        documentId: String(record.documentId),
        begin: Number(record.begin),
        end: Number(record.end),
        type: String(record.type),
        value: String(record.value),
        confidence: Number(record.confidence),
      });
    }
  }
  return { documents, annotations };
}

function jsonLines(file: string): Array<Record<string, unknown>> {
  return fs
    .readFileSync(file, "utf8")
    .split("\n")
    .filter((line) => line.trim().length > 0)
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

/**
 * The gold names of one document, normalised the way a newsroom would file them:
 * - only Person, Location and Organisation annotations with confidence of at least 0.5;
 * - a leading determiner or possessive ("the", "our") is dropped, and so is a leading genitive,
 *   which determines the name as "our" does ("the Coalition's Small Group" is "Small Group");
 * - only names count: every word capitalised except connectors ("of", "and the") and name
 *   particles ("al-"), no pronouns, no group words or demonyms ("Syrians", "the Turks"), and no
 *   sentence-initial common word the document also writes in lower case ("Soldiers");
 *   so "mourners", "U.S. forces" and "ISIL tactical units" are out;
 * - person names lose their titles ("Deputy Secretary of State Antony Blinken" is "Antony
 *   Blinken"), and a title with no name after it ("Capt.", "the secretary") is out;
 * - a location or organization written as a list counts as its parts: "Palmyra, Syria" is two
 *   places, "Abel Battery, 3rd Battalion" and "Jordan Armed Forces – Arab Army" two units;
 * - a place inside a descriptive phrase is the place: "the city of Raqqah" and "Idlib
 *   province" are "Raqqah" and "Idlib";
 * - a country annotated as an Organisation (a country acting politically) counts as a place.
 */
export function goldNames(document: Re3dDocument, annotations: readonly Re3dAnnotation[]): NameSets {
  const sets = emptyNameSets();
  for (const annotation of annotations) {
    const type = GOLD_TYPES[annotation.type];
    if (annotation.documentId !== document.id || !type || annotation.confidence < MIN_CONFIDENCE) continue;
    const parts = type === "PERSON" ? [annotation.value] : annotation.value.split(/\s*,\s*|\s+[–—-]\s+/);
    for (const part of parts) {
      const name = normaliseGoldName(part, type, document.text, annotation.begin);
      if (!name) continue;
      const filedAs = type === "ORGANIZATION" && gazetteer().country(name) ? "PLACE" : type;
      sets[filedAs].add(nameKey(name));
    }
  }
  return sets;
}

/** The name a gold value stands for, or null when it is no name (see {@link goldNames}). */
export function normaliseGoldName(value: string, type: EntityType, text: string, begin: number): string | null {
  let name = stripDeterminer(value.replace(/[\u200e\u200f]/g, "").replace(/\s+/g, " ").trim()).replace(GENITIVE_DETERMINER, "");
  if (type === "PLACE") name = name.replace(PLACE_DESCRIPTION_BEFORE, "").replace(PLACE_DESCRIPTION_AFTER, "");
  let words = name.split(" ").filter((word) => word.length > 0);
  if (words.length === 0 || PRONOUNS.has(name.toLowerCase())) return null;
  const nameWord = (word: string): boolean =>
    /^['"‘“]?[\p{Lu}\p{N}]/u.test(word) && !/-\p{Ll}+$/u.test(word) ? true : isNameParticle(word);
  if (!words.every((word) => nameWord(word) || CONNECTORS.has(word))) return null;
  if (!nameWord(words[0]) || !nameWord(words[words.length - 1])) return null;
  if (words.length === 1 && (isGroupWord(name) || gazetteer().countryOfDemonym(name))) return null;
  if (words.length === 1 && sentenceInitial(text, begin) && writtenInLowerCase(text, name)) return null;
  if (type === "PERSON") {
    words = words.slice(nameStartAfterTitle(words));
    if (words.length === 0) return null;
    name = words.join(" ");
  }
  return name;
}

/** The outcome of {@link evaluateRe3d}. */
export interface Re3dEvaluation {
  documents: number;
  scores: Record<EntityType, Score>;
  /** Wall time of extraction alone, over all documents. */
  extractionMs: number;
}

/**
 * Runs extraction over every re3d document under `dir` (its text only, as the gold annotates
 * only the text; no registry, so nothing is known in advance) and scores it against the gold.
 */
export function evaluateRe3d(dir: string): Re3dEvaluation {
  const { documents, annotations } = readRe3d(dir);
  const byDocument = new Map<string, Re3dAnnotation[]>();
  for (const annotation of annotations) {
    byDocument.set(annotation.documentId, [...(byDocument.get(annotation.documentId) ?? []), annotation]);
  }
  const pairs: Array<{ gold: NameSets; found: NameSets }> = [];
  let extractionMs = 0;
  for (const document of documents) {
    const started = performance.now();
    const extraction = extractEntities({ headline: "", body: document.text.split(/\n\s*\n/) }, { topics: null });
    extractionMs += performance.now() - started;
    pairs.push({ gold: goldNames(document, byDocument.get(document.id) ?? []), found: extractedNames(extraction) });
  }
  return { documents: documents.length, scores: scoreDocuments(pairs), extractionMs };
}

/** The names an extraction found per type: every surface form, normalised like the gold. */
export function extractedNames(extraction: Extraction): NameSets {
  const sets = emptyNameSets();
  for (const entity of [...extraction.people, ...extraction.places, ...extraction.organizations]) {
    for (const surface of entity.surfaceForms) sets[entity.type].add(nameKey(stripDeterminer(surface)));
  }
  return sets;
}

/**
 * Document-level scores: in each document, the distinct gold names and the distinct extracted
 * names of a type are compared as sets (case-insensitively, dots ignored); the counts are
 * summed over documents before precision, recall and F1 are taken.
 */
export function scoreDocuments(pairs: ReadonlyArray<{ gold: NameSets; found: NameSets }>): Record<EntityType, Score> {
  const scores = {} as Record<EntityType, Score>;
  for (const type of ENTITY_TYPES) {
    let truePositives = 0;
    let falsePositives = 0;
    let falseNegatives = 0;
    for (const { gold, found } of pairs) {
      for (const name of found[type]) {
        if (gold[type].has(name)) truePositives++;
        else falsePositives++;
      }
      for (const name of gold[type]) if (!found[type].has(name)) falseNegatives++;
    }
    const precision = ratio(truePositives, truePositives + falsePositives);
    const recall = ratio(truePositives, truePositives + falseNegatives);
    const f1 = ratio(2 * precision * recall, precision + recall);
    scores[type] = { truePositives, falsePositives, falseNegatives, precision, recall, f1 };
  }
  return scores;
}

function ratio(numerator: number, denominator: number): number {
  return denominator === 0 ? 0 : Math.round((numerator / denominator) * 1000) / 1000;
}

function emptyNameSets(): NameSets {
  return { PERSON: new Set(), PLACE: new Set(), ORGANIZATION: new Set() };
}

function stripDeterminer(name: string): string {
  return name.replace(DETERMINERS, "").replace(/['’]s$/, "");
}

function sentenceInitial(text: string, begin: number): boolean {
  return begin === 0 || /(?:[.!?:]["”]?\s+|\n\s*)$/.test(text.slice(Math.max(0, begin - 4), begin));
}

function writtenInLowerCase(text: string, word: string): boolean {
  const lower = word.toLowerCase();
  return lower !== word && text.match(/\p{L}+/gu)?.includes(lower) === true;
}
