/**
 * Words that mark a byline name as an organization or a desk rather than a person ("Reuters
 * Staff", "The Associated Press", "HuffPost Editors", "Editorial Partner"), so that no person
 * named after a news agency is created. A slash joins outlets ("Reuters/Variety"), never names.
 */
const NOT_A_PERSON = /\b(?:staff|press|news|newsroom|editors?|wire|reuters|huffpost|partner|writer|contributor)\b|\//i;

/** True for a generational suffix that a comma separates from the name it belongs to ("Jonathan Landrum, Jr."). */
export function isNameSuffix(text: string): boolean {
  return /^(?:jr|sr|ii|iii|iv)\.?$/i.test(text.trim());
}

/**
 * The people named in a byline, in order: "By Simon Lewis" gives ["Simon Lewis"], and "Writing by
 * A; Editing by B" or "A, B, and C" give each name. Names are split on commas, semicolons, "and",
 * "&" and "|"; a leading "By" (or "Reporting by", "Writing by", "Editing by") is dropped, a "Jr." goes
 * back to the name before it, and single words or names of desks and agencies ("AP", "Reuters
 * Staff") are left out because they are not people.
 */
export function namesInByline(byline: string): string[] {
  const names: string[] = [];
  for (const part of byline.split(/\s*[,;&|]\s*|\s+and\s+/i)) {
    const name = part
      .replace(/^and\s+/i, "")
      .replace(/^(?:(?:additional\s+)?(?:reporting|writing|editing)\s+)?by\s+/i, "")
      .trim();
    if (name.length === 0) continue;
    if (isNameSuffix(name) && names.length > 0) names[names.length - 1] += `, ${name}`;
    else names.push(name);
  }
  return names.filter((name) => /\s/.test(name) && !NOT_A_PERSON.test(name));
}
