/**
 * The editor features that work on the whole file, on a large one: Format Document (on a
 * file already formatted, and on the same customers on one line, where every token moves),
 * the document symbols behind Outline and Go to Symbol, folding ranges, and one Expand
 * Selection in the middle of the file. Each is the core's work alone; VS Code then turns
 * offsets into positions.
 */
import { foldingRanges } from '../../src/core/language/folding';
import { formatEdits } from '../../src/core/language/format';
import { selectionRangesAt } from '../../src/core/language/selectionRanges';
import { customerSymbols } from '../../src/core/language/symbols';
import { generateCustomers } from '../payload/generateCustomers';
import { summarize, type Summary } from '../stats';
import { measureRoundRobin, type RoundPlan } from '../timing';

export interface StructureResult {
  customers: number;
  bytes: number;
  oneLineBytes: number;
  formatFormatted: Summary;
  formatOneLine: Summary;
  symbols: Summary;
  folding: Summary;
  selection: Summary;
}

export async function measureStructure(customers: number, plan: RoundPlan): Promise<StructureResult> {
  const generated = generateCustomers({ count: customers });
  const text = `${JSON.stringify(generated, null, 2)}\n`;
  const oneLine = JSON.stringify(generated);
  const options = { tabSize: 2, insertSpaces: true, eol: '\n' } as const;
  const middle = text.indexOf('"city"', text.length >> 1) + 2;
  const [formatFormatted, formatOneLine, symbols, folding, selection] = await measureRoundRobin(
    [
      () => formatEdits(text, undefined, options),
      () => formatEdits(oneLine, undefined, options),
      () => customerSymbols(text),
      () => foldingRanges(text),
      () => selectionRangesAt(text, middle),
    ],
    plan,
  );
  return {
    customers,
    bytes: text.length,
    oneLineBytes: oneLine.length,
    formatFormatted: summarize(formatFormatted!),
    formatOneLine: summarize(formatOneLine!),
    symbols: summarize(symbols!),
    folding: summarize(folding!),
    selection: summarize(selection!),
  };
}
