/** One CSV record: its fields and the line (from 1) it starts on. */
export interface CsvRecord {
  line: number;
  fields: string[];
}

/**
 * The records of an RFC 4180 CSV text, in order: fields separated by commas, records by CRLF or
 * LF, a quoted field may hold commas, line breaks and doubled quotes. A quote inside an unquoted
 * field is kept as text, as spreadsheet tools do. A quoted field left open at the end of the text
 * ends the scan with an error at the line where its record starts, since everything after the
 * opening quote belongs to that one field.
 */
export function* csvRecords(text: string): Generator<CsvRecord | { line: number; error: string }> {
  const length = text.length;
  let position = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 1;
  while (position < length) {
    const start = line;
    const fields: string[] = [];
    for (;;) {
      if (text[position] === '"') {
        let value = "";
        let from = position + 1;
        for (;;) {
          const quote = text.indexOf('"', from);
          if (quote < 0) {
            yield { line: start, error: "a quoted field is never closed" };
            return;
          }
          value += text.slice(from, quote);
          if (text[quote + 1] === '"') {
            value += '"';
            from = quote + 2;
          } else {
            position = quote + 1;
            break;
          }
        }
        line += countLineBreaks(value);
        // Text between a closing quote and the next separator is kept, as spreadsheets do.
        const rest = unquotedRun(text, position);
        fields.push(value + text.slice(position, rest));
        position = rest;
      } else {
        const end = unquotedRun(text, position);
        fields.push(text.slice(position, end));
        position = end;
      }
      if (text[position] === ",") {
        position++;
        continue;
      }
      break;
    }
    if (text[position] === "\r") position++;
    if (text[position] === "\n") position++;
    line++;
    yield { line: start, fields };
  }
}

/** The index where an unquoted run starting at `from` ends: the next comma, line break or the end. */
function unquotedRun(text: string, from: number): number {
  let index = from;
  while (index < text.length) {
    const char = text.charCodeAt(index);
    if (char === 44 /* , */ || char === 10 /* \n */ || char === 13 /* \r */) break;
    index++;
  }
  return index;
}

function countLineBreaks(text: string): number {
  let count = 0;
  for (let index = text.indexOf("\n"); index >= 0; index = text.indexOf("\n", index + 1)) count++;
  return count;
}
