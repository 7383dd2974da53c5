import { type Analysis, analyzeText, inDocumentOrder } from './analyze';
import { customerDiagnostics } from './customerDiagnostics';
import type { BcDiagnostic } from './diagnostics/diagnostic';
import { jsonDocument } from './document/jsonDocument';
import { StrictArrayReader } from './document/strictJsonTree';
import { duplicateEmails } from './rules/duplicateEmails';
import { bodySizeDiagnostics } from './schema/schemaDiagnostics';

export interface SliceOptions {
  /** How long one slice may run before the next pause, in ms. */
  sliceMs?: number;
  /** Resolves when others have had their turn; setImmediate by default. */
  pause?: () => Promise<void>;
  /** Asked after each pause: true stops the work (a newer text is waiting). */
  cancelled?: () => boolean;
}

const DEFAULT_SLICE_MS = 15;
const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/**
 * What `analyzeText(text)` gives, worked out a customer at a time with a pause whenever a
 * slice has run for `sliceMs`, so that checking a large file never holds the thread for long.
 * Resolves `undefined` when cancelled. Text that is not a strict-JSON array is analysed in
 * one go: the tolerant parser cannot stop half-way.
 */
export async function analyzeTextInSlices(text: string, options: SliceOptions = {}): Promise<Analysis | undefined> {
  const { sliceMs = DEFAULT_SLICE_MS, pause = nextTurn, cancelled = () => false } = options;
  const reader = StrictArrayReader.open(text);
  if (!reader) return analyzeText(text);
  const customers: unknown[] = [];
  const diagnostics: BcDiagnostic[] = [];
  let sliceStart = performance.now();
  for (let node = reader.next(); node !== null; node = reader.next()) {
    if (node === undefined) return analyzeText(text);
    const value: unknown = JSON.parse(text.slice(node.offset, node.offset + node.length));
    diagnostics.push(...customerDiagnostics(text, node, value, customers.length));
    customers.push(value);
    if (performance.now() - sliceStart >= sliceMs) {
      await pause();
      if (cancelled()) return undefined;
      sliceStart = performance.now();
    }
  }
  const document = jsonDocument({ text, root: reader.root, value: customers, syntaxProblems: [], comments: [], trailingCommas: [] });
  diagnostics.push(...bodySizeDiagnostics(reader.root, customers), ...duplicateEmails(reader.root));
  return { document, diagnostics: inDocumentOrder(diagnostics) };
}
