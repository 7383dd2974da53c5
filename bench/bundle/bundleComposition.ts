/**
 * What an extension bundle is made of, by package or source folder, read
 * from the metafile that `esbuild.mjs` writes next to each build
 * (out/extension.meta.json for dist/extension.js, out/web-extension.meta.json
 * for dist/web/extension.js), so it describes exactly the bundle being measured.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Metafile } from 'esbuild';

export interface BundlePart {
  part: string;
  bytes: number;
}

export async function bundleComposition(root: string, build: 'extension' | 'web-extension', top = 8): Promise<BundlePart[]> {
  const metafile = join(root, 'out', `${build}.meta.json`);
  if (!existsSync(metafile)) throw new Error(`${metafile} is missing: build first (npm run bench does)`);
  const { outputs } = JSON.parse(readFileSync(metafile, 'utf8')) as Metafile;
  const output = Object.values(outputs).find((o) => o.entryPoint !== undefined);
  if (!output) return [];
  const byPart = new Map<string, number>();
  for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) {
    const part = partOf(input);
    byPart.set(part, (byPart.get(part) ?? 0) + bytesInOutput);
  }
  return [...byPart]
    .map(([part, bytes]) => ({ part, bytes }))
    .sort((a, b) => b.bytes - a.bytes)
    .slice(0, top);
}

/** "node_modules/jsonc-parser/lib/esm/main.js" → "jsonc-parser"; "src/core/send/http.ts" → "src/core/send". */
function partOf(input: string): string {
  const dependency = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(input);
  if (dependency) return dependency[1]!;
  const segments = input.split('/');
  return segments.length > 3 ? segments.slice(0, 3).join('/') : input;
}
