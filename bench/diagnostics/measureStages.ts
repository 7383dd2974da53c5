/**
 * Where the time of one diagnostics pass goes, stage by stage, on the same
 * text (each stage timed on its own, warm, all stages interleaved). The stages are the pieces
 * `analyzeText` is made of; JSON.parse is the floor any parser is compared to,
 * and the language service's own parse is the counterpart of ours.
 */
import { parseTree } from 'jsonc-parser';
import { checkText } from '../../src/core/check/check';
import { parseJsonDocument } from '../../src/core/document/jsonDocument';
import validateCustomers from '../../src/core/schema/generated/validateCustomers';
import { ArrayItemScanner, type ScannedItem } from '../../src/core/text/arrayItemScanner';
import { customersText } from '../payload/generateCustomers';
import { createLanguageServiceParse } from './languageServiceBaseline';
import { summarize, type Summary } from '../stats';
import { measureRoundRobin, type RoundPlan } from '../timing';

export interface Stage {
  stage: string;
  time: Summary;
}

export interface StagesResult {
  customers: number;
  stages: Stage[];
}

export async function measureStages(customers: number, plan: RoundPlan): Promise<StagesResult> {
  const text = customersText({ count: customers });
  const items: ScannedItem[] = [];
  new ArrayItemScanner().push(text, (item) => void items.push(item));
  const values = items.map(({ start, end }) => JSON.parse(text.slice(start, end)) as unknown);
  const languageServiceParse = createLanguageServiceParse();
  const stages: [string, () => unknown][] = [
    ['JSON.parse of the whole text (floor: no positions)', () => JSON.parse(text)],
    ['scanning for the customers (offsets only)', () => new ArrayItemScanner().push(text, () => {})],
    ['JSON.parse, a customer at a time', () => items.map(({ start, end }) => JSON.parse(text.slice(start, end)) as unknown)],
    ['generated Ajv validator, a customer at a time', () => values.map((value) => validateCustomers([value]))],
    [
      '(reference) the whole tree with positions (parseJsonDocument), which the check builds only for text that is not strict JSON',
      () => parseJsonDocument(text),
    ],
    [
      '(reference) jsonc-parser parseTree, used only for text that is not strict JSON',
      () => parseTree(text, [], { allowTrailingComma: true, disallowComments: false }),
    ],
    ['(reference) vscode-json-languageservice parseJSONDocument', () => languageServiceParse(text)],
    ['whole check (checkText)', () => checkText(text)],
  ];
  const samples = await measureRoundRobin(
    stages.map(([, run]) => run),
    plan,
  );
  return { customers, stages: stages.map(([stage], i) => ({ stage, time: summarize(samples[i]!) })) };
}
