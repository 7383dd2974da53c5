import type Ajv from 'ajv';

export const editorKeywords: string[];
export function createAjv(options?: Record<string, unknown>): Ajv;
export function generateValidator(): void;
