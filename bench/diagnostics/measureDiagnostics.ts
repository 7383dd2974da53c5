/**
 * Diagnostics latency: this extension's full pass (`analyzeText`) against
 * VS Code's JSON language service with the same schema, on the same text,
 * interleaved in one process.
 */
import { analyzeText } from '../../src/core/analyze';
import type { DiagnosticsSize } from '../profile';
import { customersText } from '../payload/generateCustomers';
import { summarize, type Summary } from '../stats';
import { measureInterleaved } from '../timing';
import type { LanguageServicePass } from './languageServiceBaseline';

export interface DiagnosticsRow {
  customers: number;
  bytes: number;
  ours: Summary;
  languageService: Summary;
  /** language service median ÷ our median: above 1 means ours is faster */
  speedup: number;
  ourProblems: number;
  languageServiceProblems: number;
}

export async function measureDiagnostics(
  sizes: readonly DiagnosticsSize[],
  languageService: LanguageServicePass,
  onRow: (row: DiagnosticsRow) => void,
): Promise<DiagnosticsRow[]> {
  const rows: DiagnosticsRow[] = [];
  for (const { customers, plan } of sizes) {
    const text = customersText({ count: customers });
    const samples = await measureInterleaved(
      () => analyzeText(text),
      () => languageService(text),
      plan,
    );
    const ours = summarize(samples.a);
    const reference = summarize(samples.b);
    const row: DiagnosticsRow = {
      customers,
      bytes: Buffer.byteLength(text),
      ours,
      languageService: reference,
      speedup: reference.medianMs / ours.medianMs,
      ourProblems: analyzeText(text).diagnostics.length,
      languageServiceProblems: (await languageService(text)).length,
    };
    rows.push(row);
    onRow(row);
  }
  return rows;
}
