import { readFile } from 'node:fs/promises';
import { type Analysis, analyzeText } from '../core/analyze';
import { reportDiagnostics } from '../core/report';
import { customersOf } from '../core/results/sendResults';
import { findExistingCustomers, type FoundCustomers } from '../core/store/customerRecords';
import type { StoreTarget } from '../core/send/storeTarget';
import { loadStoreCatalogue } from '../core/store/catalogue';
import type { StoreCatalogue } from '../core/store/catalogueTypes';
import { storeDiagnostics } from '../core/store/storeRules';

export interface CliIo {
  out(line: string): void;
  err(line: string): void;
}

/**
 * `bccustomers validate <files…> [--format json] [--store <hash>]`: exit 1 when any file has an
 * Error. With a store, the files are also checked against its attributes, groups, channels and
 * existing customers.
 */
export async function validateCommand(files: string[], format: 'text' | 'json', io: CliIo, store?: StoreTarget): Promise<number> {
  if (!files.length) {
    io.err('bccustomers validate: name at least one .bccustomers.json file');
    return 2;
  }
  let errors = 0;
  let unreadable = 0;
  const catalogue = store && (await loadStoreCatalogue(store));
  for (const problem of catalogue?.problems ?? []) io.err(`store ${store!.storeHash}: ${problem}`);
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
      analysis.diagnostics.push(...(await checkAgainstStore(analysis, store, catalogue!)));
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
  return errors > 0 ? 1 : 0;
}

async function checkAgainstStore(analysis: Analysis, store: StoreTarget, catalogue: StoreCatalogue) {
  const emails = customersOf(analysis.document).flatMap((c) => (c.email ? [c.email] : []));
  let existing: FoundCustomers = { found: new Map(), customers: new Map() };
  let emailLookupProblem: string | undefined;
  try {
    existing = await findExistingCustomers(store, emails, { maxRetryTimeMs: 30_000 });
  } catch (error) {
    emailLookupProblem = error instanceof Error ? error.message : String(error);
  }
  return storeDiagnostics(analysis.document, catalogue, existing.found, store.storeHash, {
    existingCustomers: existing.customers,
    ...(emailLookupProblem ? { emailLookupProblem } : {}),
  });
}
