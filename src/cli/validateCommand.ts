import { type Analysis, analyzeText, inDocumentOrder } from '../core/analyze';
import { type PositionedDiagnostic, StreamingCheck } from '../core/check/streamCheck';
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
import { FileReport } from './fileReport';
import { memoryWatch } from './memoryReport';
import { type PayloadFile, readPayloadFile, readPayloadPieces } from './readPayloadFile';

/** Exit status of `validate --store` when no errors were found but the store checks could not run. */
export const STORE_CHECKS_DID_NOT_RUN = 3;

export interface CliIo {
  out(line: string): void;
  err(line: string): void;
  /** Output text as it is, without a line break (a long line a piece at a time); without it, whole lines go to `out`. */
  write?(text: string): void;
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
  const write = io.write?.bind(io) ?? lineWriter(io.out.bind(io));
  let errors = 0;
  let unchecked = 0;
  const catalogue = store && (await loadStoreCatalogue(store, ports));
  for (const problem of catalogue?.problems ?? []) io.err(`store ${store!.storeHash}: ${problem}`);
  // Nothing could be read: the store is not asked again, file after file.
  const storeUnreachable = catalogue !== undefined && CATALOGUE_PARTS.every((part) => catalogue.unavailable?.[part] !== undefined);
  if (storeUnreachable) io.err(`store ${store!.storeHash}: the store checks did not run (exit status ${STORE_CHECKS_DID_NOT_RUN}).`);
  for (const file of files) {
    const report = new FileReport(file, format);
    try {
      // The store-aware checks need the whole document.
      if (store) report.addAll(await checkWholeText(await readPayloadFile(file), { target: store, catalogue: catalogue!, ports, storeUnreachable }));
      else await checkFile(file, report, io);
    } catch (error) {
      report.discard();
      const code = (error as NodeJS.ErrnoException).code;
      io.err(code ? `${file}: cannot read the file (${code})` : `${file}: could not be checked (${error instanceof Error ? error.message : String(error)})`);
      unchecked++;
      continue;
    }
    errors += report.errors;
    report.writeTo(write);
  }
  if (unchecked) return 2;
  return errors > 0 ? 1 : storeUnreachable ? STORE_CHECKS_DID_NOT_RUN : 0;
}

/**
 * A file checked as it is read, a piece at a time: memory grows with its customers' emails, not
 * with its size, and each problem goes to the report as it is found. Where it is not strict
 * JSON, only the broken stretch is kept and read tolerantly; text that is not an array at all is
 * read again whole.
 */
async function checkFile(file: string, report: FileReport, io: CliIo): Promise<void> {
  let invalidShown = false;
  const check = new StreamingCheck((found) => {
    const d = reportedOf(found);
    // Bytes that are not UTF-8 show as problems of the strings that hold them; anywhere else, the whole text places them.
    if (d.code === 'invalid-utf8' && d.path !== '') invalidShown = true;
    report.add(d);
  });
  const decoder = new PayloadDecoder();
  const memory = memoryWatch();
  for await (const piece of readPayloadPieces(file, decoder)) {
    check.push(piece);
    memory?.sample();
    if (check.done) break;
  }
  report.addFirst(check.finish().map(reportedOf));
  if (memory) io.err(memory.report(check));
  if (check.needsWholeText || (decoder.invalid && !invalidShown)) {
    report.discard();
    report.addAll(await checkWholeText(await readPayloadFile(file)));
  }
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

/** Whole lines to `out`, from text written a piece at a time. */
function lineWriter(out: (line: string) => void): (text: string) => void {
  let partial = '';
  return (text) => {
    const lines = (partial + text).split('\n');
    partial = lines.pop()!;
    for (const line of lines) out(line);
  };
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
