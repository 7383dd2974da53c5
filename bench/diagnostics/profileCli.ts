/**
 * Where `bccustomers validate` spends its time: a V8 CPU profile of the process (`--cpu-prof`),
 * each sample's function mapped back through the bundle's source map to the source it was
 * written in, and the self time summed per part of the product. This is what the targets'
 * "why" lines quote for the process rows.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { originalPositionFor, TraceMap } from '@jridgewell/trace-mapping';
import { writeCustomersFile } from './measureCli';

const run = promisify(execFile);

export interface TimeShare {
  part: string;
  ms: number;
  share: number;
}

export interface CliProfile {
  customers: number;
  /** sampled time, idle left out */
  totalMs: number;
  shares: TimeShare[];
}

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

export async function profileCli(root: string, customers: number): Promise<CliProfile> {
  const dir = mkdtempSync(join(tmpdir(), 'bccustomers-profile-'));
  try {
    const file = join(dir, `${customers}.bccustomers.json`);
    await writeCustomersFile(file, customers, 0.04);
    const cli = join(root, 'dist', 'cli.js');
    // validate exits 1 when the file has errors, as this one does.
    await run(process.execPath, ['--cpu-prof', `--cpu-prof-dir=${dir}`, cli, 'validate', file, '--format', 'json'], {
      cwd: root,
      maxBuffer: 1 << 30,
    }).catch((error: unknown) => {
      if ((error as { code?: unknown }).code !== 1) throw error;
    });
    const profileFile = readdirSync(dir).find((name) => name.endsWith('.cpuprofile'));
    if (!profileFile) throw new Error(`node --cpu-prof wrote no profile in ${dir}`);
    const profile = JSON.parse(readFileSync(join(dir, profileFile), 'utf8')) as CpuProfile;
    const map = new TraceMap(readFileSync(`${cli}.map`, 'utf8'), `${cli}.map`);
    return { customers, ...sharesOf(profile, (frame) => partOf(frame, cli, map)) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function sharesOf(profile: CpuProfile, part: (frame: ProfileNode['callFrame']) => string | undefined): Omit<CliProfile, 'customers'> {
  const partById = new Map(profile.nodes.map((node) => [node.id, part(node.callFrame)]));
  const msByPart = new Map<string, number>();
  let totalMs = 0;
  profile.samples.forEach((id, i) => {
    const name = partById.get(id);
    if (name === undefined) return;
    const ms = (profile.timeDeltas[i] ?? 0) / 1000;
    totalMs += ms;
    msByPart.set(name, (msByPart.get(name) ?? 0) + ms);
  });
  const shares = [...msByPart].map(([name, ms]) => ({ part: name, ms, share: ms / totalMs })).sort((a, b) => b.ms - a.ms);
  return { totalMs, shares };
}

/** The part of the product (or of the platform) a sampled function belongs to; undefined for idle time. */
function partOf({ functionName, url, lineNumber, columnNumber }: ProfileNode['callFrame'], cli: string, map: TraceMap): string | undefined {
  if (functionName === '(idle)') return undefined;
  if (functionName === '(garbage collector)') return 'garbage collection';
  if (functionName === '(program)' || functionName === '(root)') return 'V8 outside JavaScript (compiling, built-ins)';
  if (url.startsWith('node:internal/modules/')) return "loading the bundle (Node's module loader, compiling)";
  if (!url.endsWith(cli)) return 'Node.js (start-up, reading the file, writing the output)';
  const source = originalPositionFor(map, { line: lineNumber + 1, column: columnNumber }).source ?? '';
  const where = sourceParts.find(([pattern]) => pattern.test(source));
  return where ? where[1] : `other: ${source.replace(/^(\.\.\/)+/, '') || 'unmapped'}`;
}

/** First match wins. JSON.parse, a built-in, is counted in the function that calls it. */
const sourceParts: [RegExp, string][] = [
  [/src\/core\/schema\/generated\/|node_modules\/ajv/, 'the generated schema validator'],
  [/src\/core\/check\//, 'the check loop (JSON.parse of each customer included)'],
  [/src\/core\/text\/arrayItemScanner/, 'finding customers in the text'],
  [/src\/core\/(rules|geography)\/|postcode-validator/, 'the rules'],
  [/src\/core\/(document|schema)\/|jsonc-parser/, 'positions of the problems found'],
  [/src\/(cli|node)\/|src\/core\/(report|diagnostics|text)\//, 'reading the file and writing the report'],
  [/src\/|node_modules\//, 'loading the bundle and the rest'],
];
