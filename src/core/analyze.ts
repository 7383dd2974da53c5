import { type BcDiagnostic, diagnosticCodes } from './diagnostics/diagnostic';
import { type JsonDocument, parseJsonDocument } from './document/jsonDocument';
import { duplicateEmails } from './rules/duplicateEmails';
import { duplicateAttributes, readOnlyFields, recommendedValues } from './rules/fieldRules';
import { extraObjectRules } from './rules/registry';
import { forEachObject, type ObjectVisit } from './rules/objectWalker';
import { syntaxDiagnostics } from './rules/syntaxRules';
import { schemaDiagnostics } from './schema/schemaDiagnostics';

export interface Analysis {
  document: JsonDocument;
  diagnostics: BcDiagnostic[];
}

const objectRules = [readOnlyFields, recommendedValues, duplicateAttributes, ...extraObjectRules];

/** Every problem of a payload text, in document order. */
export function analyzeText(text: string): Analysis {
  const document = parseJsonDocument(text);
  const diagnostics = [...syntaxDiagnostics(document), ...schemaDiagnostics(document), ...duplicateEmails(document.root)];
  forEachObject(document.root, (object) => applyObjectRules(object, diagnostics));
  return { document, diagnostics: inDocumentOrder(diagnostics) };
}

export function applyObjectRules(object: ObjectVisit, out: BcDiagnostic[]): void {
  for (const rule of objectRules) rule(object, out);
}

const codeRank = new Map(Object.keys(diagnosticCodes).map((code, rank) => [code, rank]));

/** By position; problems at the same text in a fixed order, however they were found. */
export function inDocumentOrder(diagnostics: BcDiagnostic[]): BcDiagnostic[] {
  return diagnostics.sort(
    (a, b) =>
      a.range.start - b.range.start ||
      a.range.end - b.range.end ||
      codeRank.get(a.code)! - codeRank.get(b.code)! ||
      (a.message < b.message ? -1 : a.message > b.message ? 1 : 0),
  );
}
