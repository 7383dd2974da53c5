/**
 * What one keystroke costs on a large file: one character changes in the
 * middle, and the extension checks the new text as its editor layer does,
 * building on the previous analysis (`analyzeEdit`: only the customer that
 * changed is parsed and checked again), including turning every problem's
 * offsets into line/character positions.
 */
import type { Analysis } from '../../src/core/analyze';
import { analyzeEdit } from '../../src/core/analyzeEdit';
import { customersText } from '../payload/generateCustomers';
import { summarize, type Summary } from '../stats';
import { measureInterleaved, type RoundPlan } from '../timing';
import type { LanguageServicePass } from './languageServiceBaseline';

export interface KeystrokeResult {
  customers: number;
  bytes: number;
  ours: Summary;
  languageService: Summary;
}

export async function measureKeystroke(customers: number, plan: RoundPlan, languageService: LanguageServicePass): Promise<KeystrokeResult> {
  const text = customersText({ count: customers });
  const edits = new OneCharacterEdits(text);
  let analysis: Analysis | undefined;
  const samples = await measureInterleaved(
    () => {
      analysis = analyzeEdit(analysis, edits.next());
      for (const d of analysis.diagnostics) {
        analysis.document.lines.positionAt(d.range.start);
        analysis.document.lines.positionAt(d.range.end);
      }
      return analysis;
    },
    () => languageService(edits.next()),
    plan,
  );
  return { customers, bytes: Buffer.byteLength(text), ours: summarize(samples.a), languageService: summarize(samples.b) };
}

/** Successive versions of a text, each differing from the original by one letter of a name near the middle. */
class OneCharacterEdits {
  private readonly offset: number;
  private count = 0;

  constructor(private readonly text: string) {
    const marker = '"last_name": "';
    const found = text.indexOf(marker, Math.floor(text.length / 2));
    if (found < 0) throw new Error('No last_name after the middle of the generated text');
    this.offset = found + marker.length + 1;
  }

  next(): string {
    const letter = String.fromCharCode(97 + (this.count++ % 26));
    return this.text.slice(0, this.offset) + letter + this.text.slice(this.offset + 1);
  }
}
