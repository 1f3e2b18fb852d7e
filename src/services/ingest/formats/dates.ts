const ISO_8601 = /^(\d{4})-(\d{2})-(\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

/**
 * The value as an ISO 8601 date ("2019-01-04") or timestamp ("2024-12-13T09:30:00Z"), or null
 * when it is not one or names a day the calendar lacks ("2019-02-30"). A space between date and
 * time is accepted and written as "T". Date-only values stay date-only: the source did not say
 * the hour, so none is invented.
 */
export function isoDate(value: string | null): string | null {
  if (value === null) return null;
  const trimmed = value.trim();
  const match = ISO_8601.exec(trimmed);
  if (match === null) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  if (Number.isNaN(Date.parse(trimmed.replace(" ", "T")))) return null;
  return trimmed.replace(" ", "T");
}
