import { readFile } from 'node:fs/promises';
import { type Analysis, analyzeText } from '../core/analyze';
import { reportDiagnostics } from '../core/report';
import { customersOf } from '../core/results/sendResults';
import { findExistingEmails } from '../core/send/lookup';
import type { StorePorts } from '../core/send/storeClient';
import type { StoreTarget } from '../core/send/storeTarget';
import { loadStoreCatalogue } from '../core/store/catalogue';
import { CATALOGUE_PARTS, type StoreCatalogue } from '../core/store/catalogueTypes';
import { storeDiagnostics } from '../core/store/storeRules';

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
  let unreadable = 0;
  const catalogue = store && (await loadStoreCatalogue(store, ports));
  for (const problem of catalogue?.problems ?? []) io.err(`store ${store!.storeHash}: ${problem}`);
  // Nothing could be read: the store is not asked again, file after file.
  const storeUnreachable = catalogue !== undefined && CATALOGUE_PARTS.every((part) => catalogue.unavailable?.[part] !== undefined);
  if (storeUnreachable) io.err(`store ${store!.storeHash}: the store checks did not run (exit status ${STORE_CHECKS_DID_NOT_RUN}).`);
  for (const file of files) {
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (error) {
      io.err(`${file}: cannot read the file (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
      unreadable++;
      continue;
    }
    const analysis = analyzeText(text.replace(/^\uFEFF/, ''));
    if (store) {
      analysis.diagnostics.push(...(await checkAgainstStore(analysis, store, catalogue!, ports, storeUnreachable)));
      analysis.diagnostics.sort((a, b) => a.range.start - b.range.start);
    }
    const diagnostics = reportDiagnostics(analysis);
    errors += diagnostics.filter((d) => d.severity === 'error').length;
    if (format === 'json') {
      io.out(JSON.stringify({ file, diagnostics }));
      continue;
    }
    for (const d of diagnostics) {
      io.out(`${file}:${d.range.start.line + 1}:${d.range.start.character + 1}  ${d.severity.padEnd(11)} ${d.code.padEnd(26)} ${d.message}`);
    }
    if (!diagnostics.length) io.out(`${file}: no problems`);
  }
  if (unreadable) return 2;
  return errors > 0 ? 1 : storeUnreachable ? STORE_CHECKS_DID_NOT_RUN : 0;
}

async function checkAgainstStore(analysis: Analysis, store: StoreTarget, catalogue: StoreCatalogue, ports: StorePorts, storeUnreachable: boolean) {
  if (storeUnreachable) return storeDiagnostics(analysis.document, catalogue, new Map(), store.storeHash);
  const emails = customersOf(analysis.document).flatMap((c) => (c.email ? [c.email] : []));
  let existing = new Map<string, number>();
  let emailLookupProblem: string | undefined;
  try {
    existing = await findExistingEmails(store, emails, { ...ports, maxRetryTimeMs: 30_000 });
  } catch (error) {
    emailLookupProblem = error instanceof Error ? error.message : String(error);
  }
  return storeDiagnostics(analysis.document, catalogue, existing, store.storeHash, emailLookupProblem ? { emailLookupProblem } : {});
}
