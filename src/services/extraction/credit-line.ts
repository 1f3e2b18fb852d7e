/** What a photo credit line says. */
export interface PhotoCredit {
  /** The photographer's name, case restored ("Bryan R. Smith"), or null for agency-only credits. */
  photographer: string | null;
  /** The agency that supplied the photo ("Reuters"), or null. */
  agency: string | null;
  /** A distributor named after "via" when the agency is named first ("Getty Images" in "AFP via Getty Images"). */
  distributor: string | null;
  /** Shot by a pool photographer on behalf of several outlets. */
  isPool: boolean;
  /** An archive picture, not taken for this story. */
  isFilePhoto: boolean;
  /** Released by a party to the story rather than taken by the press. */
  isHandout: boolean;
}

/**
 * Agencies and picture services by how credits write them, with the name to store. Credit
 * lines use a small closed set of these, which is why they are listed rather than guessed.
 */
const AGENCIES = new Map(
  Object.entries({
    reuters: "Reuters",
    ap: "AP",
    "associated press": "Associated Press",
    afp: "AFP",
    "agence france-presse": "AFP",
    "getty images": "Getty Images",
    getty: "Getty Images",
    epa: "EPA",
    "epa-efe": "EPA-EFE",
    efe: "EFE",
    anadolu: "Anadolu",
    "anadolu agency": "Anadolu",
    xinhua: "Xinhua",
    bloomberg: "Bloomberg",
    upi: "UPI",
    ansa: "ANSA",
    dpa: "dpa",
    "sipa usa": "Sipa USA",
    sipa: "Sipa",
    "shutterstock": "Shutterstock",
    "rex": "Rex",
    "pa": "PA",
    "pa images": "PA Images",
    "wana": "WANA",
    "sana": "SANA",
    "kyodo": "Kyodo",
    "yonhap": "Yonhap",
    "tass": "TASS",
    "sputnik": "Sputnik",
    "nurphoto": "NurPhoto",
    "zuma press": "ZUMA Press",
    "abaca": "Abaca",
    "imago": "Imago",
    "alamy": "Alamy",
  }),
);

/**
 * Parses a photo credit line: the parts separated by "/" name a photographer, an agency ("Pool
 * via Reuters" makes it a pool picture supplied by Reuters; "AFP via Getty Images" an AFP
 * picture distributed by Getty), and the flags "File Photo", "File", "Pool" and "Handout". A
 * leading "Photo:" or "Credit:" and surrounding parentheses are ignored, so "(Reuters)" is an
 * agency credit. Names printed in capitals get their case back.
 */
export function parseCreditLine(line: string): PhotoCredit {
  const credit: PhotoCredit = {
    photographer: null,
    agency: null,
    distributor: null,
    isPool: false,
    isFilePhoto: false,
    isHandout: false,
  };
  const cleaned = line
    .trim()
    .replace(/^\((.*)\)$/, "$1")
    .replace(/^(?:photo(?:graph)?|credit|image|picture)s?\s*(?:by)?\s*[:©]?\s*/i, "")
    .replace(/^©\s*/, "");
  for (const raw of cleaned.split(/\s*[/|]\s*/)) {
    for (const part of raw.split(/\s+via\s+/i)) {
      const lower = part.trim().toLowerCase();
      if (lower.length === 0) continue;
      if (lower === "file photo" || lower === "file") credit.isFilePhoto = true;
      else if (lower === "pool" || lower === "pool photo") credit.isPool = true;
      else if (lower === "handout" || lower === "handout photo") credit.isHandout = true;
      else if (AGENCIES.has(lower)) {
        const agency = AGENCIES.get(lower) as string;
        if (credit.agency === null) credit.agency = agency;
        else credit.distributor ??= agency;
      } else credit.photographer ??= restoreCase(part.trim());
    }
  }
  return credit;
}

/** "BRYAN R. SMITH" gives "Bryan R. Smith"; a name already in mixed case is kept. */
function restoreCase(name: string): string {
  if (name !== name.toUpperCase()) return name;
  return name.toLowerCase().replace(/(^|[\s.'’-])(\p{L})/gu, (_, boundary: string, letter: string) => boundary + letter.toUpperCase());
}
