import Papa from 'papaparse';
import { ImportProblem } from './decode';

/** One record of a CSV file; `row` counts as a spreadsheet does: the header is row 1. */
export interface CsvRow {
  row: number;
  fields: string[];
  /** Why the record could not be read reliably (a broken quote); it is then not imported. */
  problem?: string;
}

export interface CsvFile {
  header: string[];
  /** The delimiter found in the file: `,`, `;`, a tab or `|`. */
  delimiter: string;
  /** The records after the header, a chunk's worth at a time. */
  rows: AsyncGenerator<CsvRow[]>;
}

const delimitersToGuess = [',', ';', '\t', '|'];
/** Enough text to see the header and a few rows, for guessing the delimiter and line ending. */
const sampleLength = 64 * 1024;
/** No customer record is this long: past it, a quote is surely never closed (and parsing again would be quadratic). */
const maxRecordLength = 1024 * 1024;

/**
 * Reads CSV text as it arrives, with papaparse's parser: quoted values with delimiters, quotes
 * and line breaks, CRLF or LF, and the delimiter guessed from the first rows. Only the current
 * chunk and an unfinished record are held in memory.
 */
export async function openCsv(text: AsyncIterable<string>): Promise<CsvFile> {
  const chunks = text[Symbol.asyncIterator]();
  let buffer = '';
  let ended = false;
  while (!ended && buffer.length < sampleLength) {
    const next = await chunks.next();
    if (next.done) ended = true;
    else buffer += next.value;
  }
  buffer = buffer.replace(/^\uFEFF/, '');
  const sample = Papa.parse<string[]>(buffer.slice(0, sampleLength), { preview: 10, delimitersToGuess });
  const delimiter = sample.meta.delimiter || ',';
  const parser = new Papa.Parser({ delimiter, newline: sample.meta.linebreak === '\r\n' || sample.meta.linebreak === '\r' ? sample.meta.linebreak : '\n' });

  let rowsSeen = 0;
  // Parses `buffer` up to its last complete record (all of it once the text has ended).
  const parseBuffer = (): CsvRow[] => {
    const result = parser.parse(buffer, 0, !ended) as Papa.ParseResult<string[]>;
    buffer = ended ? '' : buffer.slice(result.meta.cursor);
    // The line break that ends the file reads as one more, empty, record.
    const last = result.data[result.data.length - 1];
    if (ended && last?.length === 1 && last[0] === '') result.data.pop();
    const problems = new Map<number, string>();
    for (const error of result.errors) {
      if (error.code === 'MissingQuotes') problems.set(error.row ?? 0, 'a quoted value is never closed, so the rest of the file reads as one value');
      else if (error.code === 'InvalidQuotes') problems.set(error.row ?? 0, 'a quote inside a quoted value is not doubled ("")');
    }
    return result.data.map((fields, i) => ({ row: ++rowsSeen, fields, ...(problems.has(i) ? { problem: problems.get(i)! } : {}) }));
  };

  // `buffer` holds only an unfinished record here.
  const readMore = async (): Promise<void> => {
    if (buffer.length > maxRecordLength) {
      throw new ImportProblem(`Row ${rowsSeen + 1} runs on for more than 1 MB: a quote in it is probably never closed. Nothing was imported.`);
    }
    const next = await chunks.next();
    if (next.done) ended = true;
    else buffer += next.value;
  };

  let pending = parseBuffer();
  while (!pending.length && !ended) {
    await readMore();
    pending = parseBuffer();
  }
  const headerRow = pending.shift();
  const header = (headerRow?.fields ?? []).map((name) => name.trim());

  async function* rows(): AsyncGenerator<CsvRow[]> {
    if (pending.length) yield pending;
    pending = [];
    while (!ended) {
      await readMore();
      const batch = parseBuffer();
      if (batch.length) yield batch;
    }
  }
  return { header, delimiter, rows: rows() };
}
