/**
 * Where the time of one diagnostics pass goes, stage by stage, on the same
 * text (each stage timed on its own, warm, all stages interleaved). The stages are the pieces
 * `analyzeText` is made of; JSON.parse is the floor any parser is compared to,
 * and the language service's own parse is the counterpart of ours.
 */
import { parseTree } from 'jsonc-parser';
import { analyzeText } from '../../src/core/analyze';
import { parseJsonDocument } from '../../src/core/document/jsonDocument';
import { duplicateEmails } from '../../src/core/rules/duplicateEmails';
import { duplicateAttributes, readOnlyFields, recommendedValues } from '../../src/core/rules/fieldRules';
import { extraObjectRules } from '../../src/core/rules/registry';
import { forEachObject } from '../../src/core/rules/objectWalker';
import validateCustomers from '../../src/core/schema/generated/validateCustomers';
import { schemaDiagnostics } from '../../src/core/schema/schemaDiagnostics';
import type { BcDiagnostic } from '../../src/core/diagnostics/diagnostic';
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

/** The same rules, in the same order, as analyzeText runs on every object. */
const objectRules = [readOnlyFields, recommendedValues, duplicateAttributes, ...extraObjectRules];

export async function measureStages(customers: number, plan: RoundPlan): Promise<StagesResult> {
  const text = customersText({ count: customers });
  const document = parseJsonDocument(text);
  const languageServiceParse = createLanguageServiceParse();
  const stages: [string, () => unknown][] = [
    ['JSON.parse (floor: no positions)', () => JSON.parse(text)],
    ['parseJsonDocument (strict-JSON tree + JSON.parse value)', () => parseJsonDocument(text)],
    ['(reference) jsonc-parser parseTree, used only for text that is not strict JSON', () => parseTree(text, [], { allowTrailingComma: true, disallowComments: false })],
    ['(reference) vscode-json-languageservice parseJSONDocument', () => languageServiceParse(text)],
    ['generated Ajv validator alone', () => validateCustomers(document.value)],
    ['schemaDiagnostics (validator + wording + ranges)', () => schemaDiagnostics(document)],
    ['duplicateEmails', () => duplicateEmails(document.root)],
    [
      'object rules (read-only, password, state, attributes)',
      () => {
        const out: BcDiagnostic[] = [];
        forEachObject(document.root, (object) => {
          for (const rule of objectRules) rule(object, out);
        });
        return out;
      },
    ],
    ['whole pass (analyzeText)', () => analyzeText(text)],
  ];
  const samples = await measureRoundRobin(stages.map(([, run]) => run), plan);
  return { customers, stages: stages.map(([stage], i) => ({ stage, time: summarize(samples[i]!) })) };
}
