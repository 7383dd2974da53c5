import { analyzeText } from '../../../src/core/analyze';
import type { BcDiagnostic } from '../../../src/core/diagnostics/diagnostic';

export function diagnosticsOf(text: string, code?: string): BcDiagnostic[] {
  return analyzeText(text).diagnostics.filter((d) => !code || d.code === code);
}

export function textAt(text: string, d: { range: { start: number; end: number } }): string {
  return text.slice(d.range.start, d.range.end);
}

/** A valid customer, with `extra` fields merged in (undefined removes a field). */
export function customer(extra: Record<string, unknown> = {}): Record<string, unknown> {
  const base: Record<string, unknown> = { email: 'jane.doe@example.com', first_name: 'Jane', last_name: 'Doe', ...extra };
  for (const key of Object.keys(base)) if (base[key] === undefined) delete base[key];
  return base;
}

export function address(extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { first_name: 'Jane', last_name: 'Doe', address1: '1 Main Street', city: 'Austin', state_or_province: 'Texas', postal_code: '78701', country_code: 'US', ...extra };
}

export function body(...customers: unknown[]): string {
  return JSON.stringify(customers, null, 2);
}

/** Snippet text with every tab stop replaced by its default (or nothing). */
export function fillSnippet(snippet: string): string {
  let text = snippet;
  for (let i = 0; i < 5; i++) {
    text = text.replace(/\$\{\d+\|([^,|]*)[^}]*\|\}/g, '$1').replace(/\$\{\d+:([^{}]*)\}/g, '$1').replace(/\$\{\d+\}|\$\d+/g, '');
  }
  return text.replace(/\\([$}\\])/g, '$1');
}
