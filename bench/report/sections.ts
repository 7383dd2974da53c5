/** One printed table per measurement, from its results. */
import type { ActivationRecord } from '../bundle/activationRecord';
import type { BundlePart } from '../bundle/bundleComposition';
import type { BundleSizes, FileSize } from '../bundle/bundleSizes';
import type { BrokenTextResult } from '../diagnostics/measureBrokenText';
import type { DiagnosticsRow } from '../diagnostics/measureDiagnostics';
import type { CliRow } from '../diagnostics/measureCli';
import type { CliProfile } from '../diagnostics/profileCli';
import type { KeystrokeResult } from '../diagnostics/measureKeystroke';
import type { EditorResult } from '../memory/measureEditor';
import type { SlicesResult } from '../diagnostics/measureSlices';
import type { StagesResult } from '../diagnostics/measureStages';
import type { StructureResult } from '../language/measureStructure';
import type { MemoryResult } from '../memory/measureMemory';
import type { SchemaCompileResult } from '../schemaCompile/measureSchemaCompile';
import type { SendResult } from '../send/measureSend';
import type { Summary } from '../stats';
import { count, kb, mb, medianAndP95, ms, percent, share, times } from './format';
import { renderTable } from './table';
import type { LongSendResult } from '../send/measureLongSend';
import { BUNDLE_LIMIT_BYTES, type TargetResult, WEB_BUNDLE_LIMIT_BYTES } from './targets';

export function diagnosticsTable(rows: readonly DiagnosticsRow[], keystroke: KeystrokeResult | undefined): string {
  const body = rows.map((r) => [
    `${count(r.customers)} customers`,
    kb(r.bytes),
    medianAndP95(r.ours),
    medianAndP95(r.languageService),
    times(r.speedup),
    `${r.ourProblems} / ${r.languageServiceProblems}`,
  ]);
  if (keystroke) {
    body.push([
      `keystroke, ${count(keystroke.customers)} customers`,
      kb(keystroke.bytes),
      medianAndP95(keystroke.ours),
      medianAndP95(keystroke.languageService),
      times(keystroke.languageService.medianMs / keystroke.ours.medianMs),
      '',
    ]);
  }
  return renderTable(
    'Diagnostics latency — full pass, interleaved in one process (speed-up = language service median ÷ ours)',
    ['payload', 'size', 'this extension: median', 'vscode-json-languageservice: median', 'speed-up', 'problems (ours / LS)'],
    body,
  );
}

export function slicesTable(result: SlicesResult): string {
  return renderTable(
    `Checking a large file without holding the extension host — ${count(result.customers)} customers (${kb(result.bytes)}), ${result.total.runs} runs`,
    ['how', 'longest time the thread is held', 'start to finish'],
    [
      ['one go (analyzeText)', medianAndP95(result.oneGo), medianAndP95(result.oneGo)],
      [`in slices (analyzeTextInSlices, ${result.slicesPerRun} slices)`, medianAndP95(result.longestSlice), medianAndP95(result.total)],
    ],
  );
}

export function brokenTextTable(result: BrokenTextResult): string {
  const row = (text: string, m: BrokenTextResult['strict']) => [
    text,
    medianAndP95(m.oneGo),
    `${medianAndP95(m.longestSlice)}, ${count(m.slicesPerRun)} slices`,
  ];
  return renderTable(
    `A file that is not strict JSON in one place — ${count(result.customers)} customers (${kb(result.bytes)}), ${result.strict.oneGo.runs} runs, interleaved`,
    ['text', 'check in one go (analyzeText)', 'longest slice (analyzeTextInSlices)'],
    [row('strict JSON', result.strict), row('one comment between two customers in the middle', result.oneComment)],
  );
}

export function structureTable(result: StructureResult): string {
  return renderTable(
    `Editor features on a large file — ${count(result.customers)} customers (${kb(result.bytes)}), ${result.formatFormatted.runs} runs each, interleaved`,
    ['feature', 'median (p95)'],
    [
      ['Format Document, file already formatted', medianAndP95(result.formatFormatted)],
      [`Format Document, the same customers on one line (${kb(result.oneLineBytes)})`, medianAndP95(result.formatOneLine)],
      ['document symbols (Outline, Go to Symbol)', medianAndP95(result.symbols)],
      ['folding ranges', medianAndP95(result.folding)],
      ['Expand Selection, in the middle of the file', medianAndP95(result.selection)],
    ],
  );
}

export function cliProfilesTable(profiles: readonly CliProfile[]): string {
  const parts = [...new Set(profiles.flatMap((p) => p.shares.filter((s) => s.share >= 0.01).map((s) => s.part)))];
  const shareOf = (profile: CliProfile, part: string) => {
    const found = profile.shares.find((s) => s.part === part);
    return found ? `${ms(found.ms)} (${share(found.share)})` : '–';
  };
  return renderTable(
    'Where bccustomers validate spends its time — a CPU profile of the process (--cpu-prof), self time by source through the source map, idle left out',
    ['part', ...profiles.map((p) => `${count(p.customers)} customer${p.customers === 1 ? '' : 's'}`)],
    [...parts.map((part) => [part, ...profiles.map((p) => shareOf(p, part))]), ['all sampled', ...profiles.map((p) => ms(p.totalMs))]],
  );
}

export function stagesTable(result: StagesResult): string {
  return renderTable(
    `Where the pass's time goes — ${count(result.customers)} customers, each stage timed on its own, interleaved`,
    ['stage', 'median', 'p95'],
    result.stages.map((s) => [s.stage, ms(s.time.medianMs), ms(s.time.p95Ms)]),
  );
}

export function schemaCompileTable(result: SchemaCompileResult): string {
  const cold = (c: SchemaCompileResult['ajvCold']): string =>
    `load ${ms(c.loadMedianMs)} + compile ${ms(c.compileMedianMs)} + first validation ${ms(c.firstValidationMedianMs)}`;
  return renderTable(
    'Schema validation start-up',
    ['approach', 'median', 'breakdown (medians)'],
    [
      ['Ajv compile in a warm process (fresh Ajv each time)', medianAndP95(result.ajvCompileWarm), 'createAjv().compile(schema)'],
      ['Ajv at activation, fresh Node process', medianAndP95(result.ajvCold.total), cold(result.ajvCold)],
      ['build-time standalone validator, fresh Node process', medianAndP95(result.standaloneCold.total), cold(result.standaloneCold)],
      ['what dist/extension.js uses', result.bundleUses, result.bundleEvidence],
    ],
  );
}

export function sendTable(result: SendResult): string {
  const { settings } = result;
  const rows = result.runs.map((r) => [
    r.sender,
    ms(r.wallMs),
    `${ms(r.quotaBoundMs)} (${percent(r.ofQuotaBound)})`,
    `${ms(r.postBoundMs)} (${times(r.ofPostBound)})`,
    `${r.requests.total} (${r.requests.posts} POST, ${r.requests.lookups} lookups)`,
    String(r.requests.tooManyRequests),
    `${r.quotaUse.windows} × ${r.quotaUse.medianPerWindow} of ${settings.quota}`,
    `${r.created} / ${r.failed} (${r.failedBecauseOf429} by 429)`,
    r.store.exactlyOnce ? 'yes' : `NO (missing ${r.store.missing}, twice ${r.store.duplicated}, unexpected ${r.store.unexpected})`,
  ]);
  rows.push(['naive wall time ÷ default sender', times(result.speedupOverNaive)]);
  rows.push(['naive wall time ÷ sender with lookups', times(result.speedupOverNaiveWithLookups)]);
  return renderTable(
    `Send efficiency — ${count(settings.customers)} customers, sandbox quota ${settings.quota} requests / ${ms(settings.windowMs)}, latency ${ms(settings.latencyMs)}`,
    [
      'sender',
      'wall time',
      'quota bound (its requests)',
      'POST-only bound',
      'requests',
      '429s',
      'windows × median requests',
      'created / failed',
      'each stored once',
    ],
    rows,
  );
}

/** The long send, each figure with its target beside it. */
export function longSendTable(result: LongSendResult): string {
  const { settings, journal } = result;
  const rows = [
    ['wall time', ms(result.wallMs), ''],
    [
      'quota bound (requests ÷ quota per window × window)',
      `${ms(result.quotaBoundMs)}: ${result.requests.counted} ÷ ${settings.quota} → ${Math.ceil(result.requests.counted / settings.quota)} × ${ms(settings.windowMs)}`,
      '',
    ],
    ['wall time against the bound', percent(result.ofQuotaBound), 'within +10%'],
    ['requests', `${result.requests.total} (${result.requests.posts} POST, ${result.requests.lookups} lookups)`, `${Math.ceil(settings.customers / 10)} POST`],
    ['429s (after the first window)', `${result.requests.tooManyRequests} (${result.steadyStateTooManyRequests})`, '0 in steady state'],
    ['windows × median requests', `${result.quotaUse.windows} × ${result.quotaUse.medianPerWindow} of ${settings.quota}`, ''],
    ['created / failed', `${count(result.created)} / ${result.failed}`, `${count(settings.customers)} / 0`],
    [
      'each stored once',
      result.store.exactlyOnce ? 'yes' : `NO (missing ${result.store.missing}, twice ${result.store.duplicated}, unexpected ${result.store.unexpected})`,
      'yes',
    ],
    ['journal: appends (each flushed to the disk)', `${count(journal.appends)}, ${kb(journal.bytes)}`, ''],
    ['journal: append time, median (p95)', `${ms(journal.medianAppendMs)} (${ms(journal.p95AppendMs)})`, ''],
    [
      'the same send without a journal',
      `${ms(result.withoutJournal.wallMs)} (${percent(result.withoutJournal.ofQuotaBound)} against its bound, ${result.withoutJournal.tooManyRequests} × 429)`,
      'within +10%',
    ],
    ['journal: wall time it added per request', ms((result.wallMs - result.withoutJournal.wallMs) / Math.max(1, result.requests.posts)), ''],
    [
      'journal: time in appends per request',
      `${ms(journal.perRequestMs)} (${ms(journal.totalMs)} in all, ${percent(1 + journal.totalMs / result.wallMs).slice(1)} of the wall time)`,
      '',
    ],
  ];
  return renderTable(
    `Long send — ${count(settings.customers)} customers with a send journal on disk, sandbox quota ${settings.quota} requests / ${ms(settings.windowMs)}, latency ${ms(settings.latencyMs)}`,
    ['', 'measured', 'target'],
    rows,
  );
}

export function bundleTable(
  sizes: BundleSizes | undefined,
  load: Summary | undefined,
  activation: ActivationRecord | undefined,
  parts: readonly BundlePart[] | undefined,
  webParts: readonly BundlePart[] | undefined,
): string {
  const rows: string[][] = [];
  const size = (file: FileSize) => `${kb(file.bytes)} (gzip ${kb(file.gzipBytes)})${file.minified ? ', minified' : ', NOT minified'}`;
  if (sizes) {
    rows.push(['dist/extension.js', `${size(sizes.extension)}; target <${BUNDLE_LIMIT_BYTES / 1024} KB`]);
    rows.push(['dist/web/extension.js (browser)', `${size(sizes.web)}; target <${WEB_BUNDLE_LIMIT_BYTES / 1024} KB`]);
    rows.push(['dist/importCsv.js, loaded when the import first runs', size(sizes.importCsv)]);
    rows.push(['dist/web/importCsv.js, the same in the browser', size(sizes.webImportCsv)]);
    rows.push(['dist/cli.js', `${kb(sizes.cli.bytes)} (gzip ${kb(sizes.cli.gzipBytes)})`]);
    const vsix = sizes.vsix;
    rows.push([
      vsix.path,
      vsix.bytes !== undefined
        ? `${kb(vsix.bytes)}${vsix.builtNow ? ' (built by this run)' : ''}${vsix.matchesDist ? '' : ' — holds an older dist/extension.js'}`
        : (vsix.error ?? '–'),
    ]);
  }
  if (load) rows.push(['bundle load time (Node, stubbed vscode)', medianAndP95(load)]);
  if (activation) {
    const recorded =
      activation.activationMs !== undefined
        ? `${ms(activation.activationMs)}, body of activate()${activation.source ? ` (${activation.source})` : ''}`
        : undefined;
    rows.push(['activation in the real VS Code host', recorded ?? activation.note ?? '–']);
  }
  for (const part of parts ?? []) rows.push([`  in extension.js: ${part.part}`, kb(part.bytes)]);
  for (const part of webParts ?? []) rows.push([`  in web/extension.js: ${part.part}`, kb(part.bytes)]);
  return renderTable('Bundle and start-up', ['item', 'value'], rows);
}

export function memoryTable(results: readonly MemoryResult[]): string {
  return renderTable(
    `Memory — one diagnostics pass, fresh process each (heap "before" holds the text and loaded code)`,
    ['pass', 'payload', 'pass time', 'heap before', 'peak heap', 'peak added', 'retained (result kept)', 'peak RSS (process)', 'GCs'],
    results.map((r) => [
      r.pass === 'ours' ? 'this extension' : 'vscode-json-languageservice',
      `${count(r.customers)} customers (${mb(r.textMB)})`,
      ms(r.durationMs),
      mb(r.heapBeforeMB),
      mb(r.peakHeapMB),
      mb(r.peakHeapAddedMB),
      mb(r.heapRetainedMB),
      mb(r.maxRssMB),
      String(r.garbageCollections),
    ]),
  );
}

export function targetsTable(targets: readonly TargetResult[]): string {
  const table = renderTable(
    'Targets',
    ['target', 'measured', 'verdict'],
    targets.map((t) => [t.target, t.measured, t.verdict]),
  );
  const reasons = targets.filter((t) => t.why).map((t) => `- ${t.target}: ${t.why}`);
  return reasons.length ? `${table}\nWhy, for the targets not met (from the measurements above):\n${reasons.join('\n')}\n` : table;
}

export function cliTable(rows: readonly CliRow[]): string {
  return renderTable(
    'bccustomers validate --format json as a process — first line of user code to exit (median) and peak RSS; against a script running vscode-json-languageservice with the same schema',
    ['payload', 'size', 'bccustomers validate', 'peak RSS', 'language service script', 'peak RSS', 'speed-up'],
    rows.map((r) => [
      `${count(r.customers)} ${r.customers === 1 ? 'customer' : 'customers'}${r.mistakeRate === 1 ? ', every one with an error' : ''}`,
      mb(r.bytes / 1_048_576),
      `${ms(r.ours.timeMs.medianMs)} (n=${r.ours.timeMs.runs})`,
      mb(r.ours.maxRssMB),
      r.languageService ? `${ms(r.languageService.timeMs.medianMs)} (n=${r.languageService.timeMs.runs})` : '–',
      r.languageService ? mb(r.languageService.maxRssMB) : '–',
      r.speedup !== undefined ? times(r.speedup) : '–',
    ]),
  );
}

export function editorTable(result: EditorResult): string {
  return renderTable(
    `The editor on a large open file — ${count(result.customers)} customers (${mb(result.textMB)})`,
    ['what', 'measured'],
    [
      ['analysis kept for the file, beyond its text', mb(result.keptMB)],
      ['text + analysis ÷ text', times((result.textMB + result.keptMB) / result.textMB)],
      ['check after a keystroke (analyzeEdit, told the edit)', medianAndP95(result.keystroke)],
    ],
  );
}
