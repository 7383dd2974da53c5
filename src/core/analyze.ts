import type { BcDiagnostic } from './diagnostics/diagnostic';
import { type JsonDocument, parseJsonDocument } from './document/jsonDocument';
import { duplicateEmails } from './rules/duplicateEmails';
import { duplicateAttributes, readOnlyFields, recommendedValues, stateCodes } from './rules/fieldRules';
import { forEachObject } from './rules/objectWalker';
import { syntaxDiagnostics } from './rules/syntaxRules';
import { schemaDiagnostics } from './schema/schemaDiagnostics';

export interface Analysis {
  document: JsonDocument;
  diagnostics: BcDiagnostic[];
}

const objectRules = [readOnlyFields, recommendedValues, stateCodes, duplicateAttributes];

/** Every problem of a payload text, in document order. */
export function analyzeText(text: string): Analysis {
  const document = parseJsonDocument(text);
  const diagnostics = [...syntaxDiagnostics(document), ...schemaDiagnostics(document), ...duplicateEmails(document.root)];
  forEachObject(document.root, (object) => {
    for (const rule of objectRules) rule(object, diagnostics);
  });
  diagnostics.sort((a, b) => a.range.start - b.range.start || a.range.end - b.range.end);
  return { document, diagnostics };
}
