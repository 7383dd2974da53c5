import { type Analysis, analyzeText, inDocumentOrder } from '../core/analyze';
import { type PositionedDiagnostic, StreamingCheck } from '../core/check/streamCheck';
import { diagnosticCodes } from '../core/diagnostics/diagnostic';
import { type ReportedDiagnostic, reportDiagnostics } from '../core/report';
import { customersOf } from '../core/results/sendResults';
import { invalidBytesDiagnostic } from '../core/rules/textRules';
import type { StorePorts } from '../core/send/storeClient';
import { findExistingCustomers, type FoundCustomers } from '../core/send/lookup';
import type { StoreTarget } from '../core/send/storeTarget';
import { loadStoreCatalogue } from '../core/store/catalogue';
import { CATALOGUE_PARTS, type StoreCatalogue } from '../core/store/catalogueTypes';
import { storeDiagnostics } from '../core/store/storeRules';
import { PayloadDecoder } from '../core/text/decodeBytes';
import { type PayloadFile, readPayloadFile, readPayloadPieces } from './readPayloadFile';

/** Exit status of `validate --store` when no errors were found but the store checks could not run. */
export const STORE_CHECKS_DID_NOT_RUN = 3;

export interface CliIo {
  out(line: string): void;
  err(line: string): void;
}

/**
 * `bccustomers validate <files…> [--format json] [--store <hash>]`: exit 1 when any file has an
 * Error. With a store, the files are also checked against its attributes, groups, channels and
 * existing customers.
 */
export async function validateCommand(files: string[], format: 'text' | 'json', io: CliIo, store?: StoreTarget, ports: StorePorts = {}): Promise<number> {
  if (!files.length) {
    io.err('bccustomers validate: name at least one .bccustomers.json file');
    return 2;
  }
  let errors = 0;
  let unchecked = 0;
  const catalogue = store && (await loadStoreCatalogue(store, ports));
  for (const problem of catalogue?.problems ?? []) io.err(`store ${store!.storeHash}: ${problem}`);
  // Nothing could be read: the store is not asked again, file after file.
  const storeUnreachable = catalogue !== undefined && CATALOGUE_PARTS.every((part) => catalogue.unavailable?.[part] !== undefined);
  if (storeUnreachable) io.err(`store ${store!.storeHash}: the store checks did not run (exit status ${STORE_CHECKS_DID_NOT_RUN}).`);
  for (const file of files) {
    let diagnostics: ReportedDiagnostic[];
    try {
      // The store-aware checks need the whole document.
      diagnostics = store
        ? await checkWholeText(await readPayloadFile(file), { target: store, catalogue: catalogue!, ports, storeUnreachable })
        : await checkFile(file);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      io.err(code ? `${file}: cannot read the file (${code})` : `${file}: could not be checked (${error instanceof Error ? error.message : String(error)})`);
      unchecked++;
      continue;
    }
    errors += diagnostics.filter((d) => d.severity === 'error').length;
    if (format === 'json') {
      io.out(JSON.stringify({ file, diagnostics }));
      continue;
    }
    for (const d of diagnostics) {
      io.out(printable(`${file}:${d.range.start.line + 1}:${d.range.start.character + 1}  ${d.severity.padEnd(11)} ${d.code.padEnd(26)} ${d.message}`));
    }
    if (!diagnostics.length) io.out(printable(`${file}: no problems`));
  }
  if (unchecked) return 2;
  return errors > 0 ? 1 : storeUnreachable ? STORE_CHECKS_DID_NOT_RUN : 0;
}

/**
 * A file checked as it is read, a piece at a time: memory grows with its customers' emails, not
 * with its size. Where it is not strict JSON, only the broken stretch is kept and read tolerantly;
 * text that is not an array at all is read again whole.
 */
async function checkFile(file: string): Promise<ReportedDiagnostic[]> {
  const found: ReportedDiagnostic[] = [];
  const check = new StreamingCheck((d) => found.push(detached(reportedOf(d))));
  const decoder = new PayloadDecoder();
  for await (const piece of readPayloadPieces(file, decoder)) {
    check.push(piece);
    if (check.done) break;
  }
  check.finish();
  // Bytes that are not UTF-8 show as problems of the strings that hold them; anywhere else, the whole text places them.
  const invalidShown = !decoder.invalid || found.some((d) => d.code === 'invalid-utf8' && d.path !== '');
  if (check.needsWholeText || !invalidShown) return checkWholeText(await readPayloadFile(file));
  return found.sort(byPosition);
}

/** A copy whose strings hold on to nothing: those of a diagnostic may be slices of the text read, which is not to stay in memory. */
function detached(d: ReportedDiagnostic): ReportedDiagnostic {
  return JSON.parse(JSON.stringify(d)) as ReportedDiagnostic;
}

/** A file checked whole; with a store, also against the store's data. */
async function checkWholeText({ text, invalid }: PayloadFile, store?: StoreCheck): Promise<ReportedDiagnostic[]> {
  const analysis = analyzeText(text);
  if (
    invalid &&
    !showsInvalidBytes(
      analysis.diagnostics.map((diagnostic) => ({ diagnostic })),
      invalid.offset,
    )
  ) {
    analysis.diagnostics.push(invalidBytesDiagnostic(invalid));
    inDocumentOrder(analysis.diagnostics);
  }
  if (store) {
    analysis.diagnostics.push(...(await checkAgainstStore(analysis, store)));
    analysis.diagnostics.sort((a, b) => a.range.start - b.range.start);
  }
  return reportDiagnostics(analysis);
}

/** Whether a string's problem already points at the first byte that is not UTF-8. */
function showsInvalidBytes(found: { diagnostic: PositionedDiagnostic['diagnostic'] }[], offset: number): boolean {
  return found.some(({ diagnostic: d }) => d.code === 'invalid-utf8' && d.range.start <= offset && offset < d.range.end);
}

function reportedOf({ diagnostic: d, start, end }: PositionedDiagnostic): ReportedDiagnostic {
  return { path: d.path, severity: d.severity, code: d.code, message: d.message, range: { start, end } };
}

const codeRank = new Map(Object.keys(diagnosticCodes).map((code, rank) => [code, rank]));

/** Document order, as the editor lists them: by position, then by code and message. */
function byPosition(a: ReportedDiagnostic, b: ReportedDiagnostic): number {
  return (
    a.range.start.line - b.range.start.line ||
    a.range.start.character - b.range.start.character ||
    a.range.end.line - b.range.end.line ||
    a.range.end.character - b.range.end.character ||
    (codeRank.get(a.code) ?? 0) - (codeRank.get(b.code) ?? 0) ||
    (a.message < b.message ? -1 : a.message > b.message ? 1 : 0)
  );
}

/** Control characters (and line separators, and bidirectional overrides) written as escapes: a key or value cannot forge output lines or colour the terminal. */
function printable(line: string): string {
  // eslint-disable-next-line no-control-regex -- matching control characters is this function's job
  return line.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

interface StoreCheck {
  target: StoreTarget;
  catalogue: StoreCatalogue;
  ports: StorePorts;
  /** nothing of the store could be read: its emails are not looked up either */
  storeUnreachable: boolean;
}

async function checkAgainstStore(analysis: Analysis, { target: store, catalogue, ports, storeUnreachable }: StoreCheck) {
  if (storeUnreachable) return storeDiagnostics(analysis.document, catalogue, new Map(), store.storeHash);
  const emails = customersOf(analysis.document).flatMap((c) => (c.email ? [c.email] : []));
  let existing: FoundCustomers = { found: new Map(), customers: new Map() };
  let emailLookupProblem: string | undefined;
  try {
    existing = await findExistingCustomers(store, emails, { ...ports, maxRetryTimeMs: 30_000 });
  } catch (error) {
    emailLookupProblem = error instanceof Error ? error.message : String(error);
  }
  return storeDiagnostics(analysis.document, catalogue, existing.found, store.storeHash, {
    existingCustomers: existing.customers,
    ...(emailLookupProblem ? { emailLookupProblem } : {}),
  });
}
