import fs from "node:fs";
import { entityLookupOf, knownEntitiesOf } from "../services/extraction/entity-lookup";
import { dataFile } from "../services/extraction/data-files";
import { extractEntities, type ExtractedEntity } from "../services/extraction/extract";
import { rawPageFormat } from "../services/ingest/formats/raw-page";
import { readEntityRecords } from "../services/seed-loader";

/**
 * `npm run extract -- <file|->`: prints as JSON what extraction finds in one raw text. The text
 * is read as ingestion reads a raw page (headline, lead, body; site boilerplate, captions and
 * byline left out), and names link to the registry in `data/entities.json`.
 */
function main(): void {
  const source = process.argv[2];
  if (!source) {
    process.stderr.write("usage: npm run extract -- <file|->\n");
    process.exitCode = 2;
    return;
  }
  const raw = fs.readFileSync(source === "-" ? 0 : source, "utf8");
  const [record] = rawPageFormat.parse(raw, source);
  if (!record || "error" in record) {
    process.stderr.write(`${record ? record.error : "the text is empty"}\n`);
    process.exitCode = 1;
    return;
  }
  const lookup = fs.existsSync(dataFile("entities.json")) ? entityLookupOf(knownEntitiesOf(readEntityRecords())) : undefined;
  const extraction = extractEntities(record.story, { lookup });
  const view = (entity: ExtractedEntity) => ({
    name: entity.name,
    type: entity.type,
    linkedTo: entity.knownId,
    salience: entity.salience,
    role: entity.role,
    firstSentence: entity.firstSentence,
    ...(entity.place
      ? {
          countryCode: entity.place.countryCode,
          latitude: entity.place.latitude,
          longitude: entity.place.longitude,
          metonymic: entity.metonymic,
        }
      : {}),
    surfaceForms: entity.surfaceForms,
    occurrences: entity.occurrences.map(({ start, end, surface, metonymic }) =>
      metonymic ? { start, end, surface, metonymic } : { start, end, surface },
    ),
  });
  process.stdout.write(
    `${JSON.stringify(
      {
        people: extraction.people.map(view),
        places: extraction.places.map(view),
        organizations: extraction.organizations.map(view),
        topics: extraction.topics,
      },
      null,
      2,
    )}\n`,
  );
}

main();
