/**
 * `npm run bench`: measures the extension's performance and prints a table;
 * writes everything to bench/results.json. Targets are reported as met or
 * not met — a slow result never fails the run. Exit code 1 only when a
 * measurement itself crashed (the others still run and are reported).
 *
 *   node bench/build.mjs && node out/bench.js           full run (npm run bench builds the product first)
 *   node bench/build.mjs && node out/bench.js --quick   smoke run
 *   node --import tsx bench/import/run.ts    only the CSV import
 *   node --import tsx bench/send/runLongSend.ts [--quick]   only the long send
 *   --skip-million / --million               leave out / add the 1,000,000-customer file (~470 MB, in a temporary directory)
 */
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { readActivationRecord, type ActivationRecord } from './bundle/activationRecord';
import { bundleComposition, type BundlePart } from './bundle/bundleComposition';
import { measureBundleSizes, type BundleSizes } from './bundle/bundleSizes';
import { measureBundleLoad } from './bundle/measureBundleLoad';
import { createLanguageServicePass } from './diagnostics/languageServiceBaseline';
import { type BrokenTextResult, measureBrokenText } from './diagnostics/measureBrokenText';
import { type CliRow, measureCli } from './diagnostics/measureCli';
import { measureDiagnostics, type DiagnosticsRow } from './diagnostics/measureDiagnostics';
import { type CliProfile, profileCli } from './diagnostics/profileCli';
import { measureKeystroke, type KeystrokeResult } from './diagnostics/measureKeystroke';
import { measureSlices, type SlicesResult } from './diagnostics/measureSlices';
import { measureStages, type StagesResult } from './diagnostics/measureStages';
import { importTable } from './import/importTable';
import { type ImportBenchResult, measureImport } from './import/measureImport';
import { measureStructure, type StructureResult } from './language/measureStructure';
import { currentLoadAverage, machineInfo } from './machine';
import { type EditorResult, measureEditor } from './memory/measureEditor';
import { measureMemory, type MemoryResult } from './memory/measureMemory';
import { profileFromArgs } from './profile';
import { ms, times } from './report/format';
import {
  brokenTextTable,
  bundleTable,
  cliProfilesTable,
  cliTable,
  diagnosticsTable,
  editorTable,
  longSendTable,
  memoryTable,
  schemaCompileTable,
  sendTable,
  slicesTable,
  stagesTable,
  structureTable,
  targetsTable,
} from './report/sections';
import { judgeTargets } from './report/targets';
import { measureSchemaCompile, type SchemaCompileResult } from './schemaCompile/measureSchemaCompile';
import { measureLongSend, type LongSendResult } from './send/measureLongSend';
import { measureSend, type SendResult } from './send/measureSend';
import type { Summary } from './stats';

const root = resolve(__dirname, '..');

interface SectionError {
  section: string;
  message: string;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const profile = profileFromArgs(args);
  const machine = machineInfo();
  const started = performance.now();
  const errors: SectionError[] = [];
  const progress = (message: string): void => void process.stdout.write(`… ${message}\n`);

  /** Runs one measurement; a crash is recorded and the next measurement still runs. */
  async function section<T>(name: string, measure: () => Promise<T>): Promise<T | undefined> {
    progress(name);
    try {
      return await measure();
    } catch (error) {
      const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
      errors.push({ section: name, message });
      process.stderr.write(`\n${name} crashed:\n${message}\n`);
      return undefined;
    }
  }

  progress(`${profile.name} run on ${machine.cpuModel} (${machine.cores} cores), Node ${machine.nodeVersion}, load average ${machine.loadAverageAtStart}`);

  const sizes = await section<BundleSizes>('bundle sizes', () => measureBundleSizes(root));
  const activation = await section<ActivationRecord>('activation record', async () => readActivationRecord(root));
  const schemaCompile = await section<SchemaCompileResult>('schema compile cost', () =>
    measureSchemaCompile(root, profile.schemaCompile, profile.freshProcesses),
  );

  const languageService = createLanguageServicePass(root);
  const diagnostics = await section<DiagnosticsRow[]>('diagnostics latency', () =>
    measureDiagnostics(profile.diagnostics, languageService, (r) =>
      progress(`  ${r.customers} customers: ours ${ms(r.ours.medianMs)}, language service ${ms(r.languageService.medianMs)} (${times(r.speedup)})`),
    ),
  );
  const keystroke = await section<KeystrokeResult>('keystroke cost', () => measureKeystroke(profile.keystrokeCustomers, profile.keystroke, languageService));
  const stages = await section<StagesResult>('pass stages', () => measureStages(profile.keystrokeCustomers, profile.stages));
  const slices = await section<SlicesResult>('checking a large file in slices', () => measureSlices(profile.memoryCustomers, profile.sliceRuns));
  const brokenText = await section<BrokenTextResult>('a large file that is not strict JSON in one place', () =>
    measureBrokenText(profile.brokenTextCustomers, profile.brokenTextRuns),
  );
  const structure = await section<StructureResult>(`formatting, symbols, folding and selection ranges (${profile.structureCustomers} customers)`, () =>
    measureStructure(profile.structureCustomers, profile.structure),
  );
  const memory = await section<MemoryResult[]>('memory', () => measureMemory(root, profile.memoryCustomers));
  const cli = await section<CliRow[]>('bccustomers validate as a process', () =>
    measureCli(root, profile.cli, (r) =>
      progress(
        `  ${r.customers} customers: ours ${ms(r.ours.timeMs.medianMs)}${r.languageService ? `, language service ${ms(r.languageService.timeMs.medianMs)} (${times(r.speedup!)})` : ''}`,
      ),
    ),
  );
  const cliProfiles = await section<CliProfile[]>('where bccustomers validate spends its time (CPU profiles)', async () => {
    const profiles: CliProfile[] = [];
    for (const customers of profile.cliProfiles) profiles.push(await profileCli(root, customers));
    return profiles;
  });
  const editor = await section<EditorResult>('the editor on a large file', () => measureEditor(root, profile.editorCustomers, profile.editorKeystrokes));
  const send = await section<SendResult>(`send efficiency (${profile.send.customers} customers)`, () =>
    measureSend(profile.send, (r) => progress(`  ${r.sender}: ${ms(r.wallMs)}, ${r.requests.total} requests, ${r.requests.tooManyRequests} × 429`)),
  );
  const longSend = await section<LongSendResult>(`long send (${profile.longSend.customers.toLocaleString('en-US')} customers, journal on disk)`, () =>
    measureLongSend(profile.longSend, progress),
  );
  const importResult = await section<ImportBenchResult>(`CSV import (${profile.importRows.toLocaleString('en-US')} rows)`, () =>
    measureImport(root, profile.importRows, progress),
  );
  const bundleLoad = await section<Summary>('bundle load time', () => measureBundleLoad(root, profile.freshProcesses));
  const composition = await section<BundlePart[]>('bundle composition', () => bundleComposition(root, 'extension'));
  const webComposition = await section<BundlePart[]>('browser bundle composition', () => bundleComposition(root, 'web-extension'));

  const targets = judgeTargets({
    ...(diagnostics ? { diagnostics } : {}),
    ...(keystroke ? { keystroke } : {}),
    ...(slices ? { slices } : {}),
    ...(structure ? { structure } : {}),
    ...(send ? { send } : {}),
    ...(longSend ? { longSend } : {}),
    ...(sizes ? { bundle: sizes } : {}),
    ...(activation ? { activation } : {}),
    ...(bundleLoad ? { bundleLoad } : {}),
    ...(cli ? { cli } : {}),
    ...(cliProfiles ? { cliProfiles } : {}),
    ...(editor ? { editor } : {}),
    ...(stages ? { stages } : {}),
  });
  machine.loadAverageAtEnd = currentLoadAverage();
  const durationSeconds = Math.round((performance.now() - started) / 100) / 10;

  const tables = [
    `BigCommerce Customers — benchmark (${profile.name}), ${machine.date}`,
    `${machine.cpuModel}, ${machine.cores} cores, ${machine.totalMemoryGB} GB, ${machine.platform}, Node ${machine.nodeVersion}; load average ${machine.loadAverageAtStart} → ${machine.loadAverageAtEnd}; ${durationSeconds} s`,
    diagnostics ? diagnosticsTable(diagnostics, keystroke) : '',
    stages ? stagesTable(stages) : '',
    slices ? slicesTable(slices) : '',
    brokenText ? brokenTextTable(brokenText) : '',
    cli ? cliTable(cli) : '',
    cliProfiles ? cliProfilesTable(cliProfiles) : '',
    editor ? editorTable(editor) : '',
    structure ? structureTable(structure) : '',
    schemaCompile ? schemaCompileTable(schemaCompile) : '',
    send ? sendTable(send) : '',
    longSend ? longSendTable(longSend) : '',
    bundleTable(sizes, bundleLoad, activation, composition, webComposition),
    memory ? memoryTable(memory) : '',
    importResult ? importTable(importResult) : '',
    targetsTable(targets),
  ];
  process.stdout.write('\n' + tables.filter(Boolean).join('\n') + '\n');

  const results = {
    command: `node out/bench.js${args.length ? ' ' + args.join(' ') : ''}`,
    profile: profile.name,
    machine,
    durationSeconds,
    diagnostics,
    keystroke,
    stages,
    slices,
    brokenText,
    structure,
    schemaCompile,
    send,
    longSend,
    bundle: { sizes, loadTime: bundleLoad, activation, composition, webComposition },
    memory,
    import: importResult,
    cli,
    cliProfiles,
    editor,
    targets,
    errors,
  };
  const resultsPath = join(root, 'bench', 'results.json');
  writeFileSync(resultsPath, JSON.stringify(results, null, 2) + '\n');
  process.stdout.write(
    `\nResults written to bench/results.json${errors.length ? `; ${errors.length} measurement(s) crashed: ${errors.map((e) => e.section).join(', ')}` : ''}\n`,
  );
  process.exitCode = errors.length > 0 ? 1 : 0;
}

main().catch((error: unknown) => {
  process.stderr.write(`The benchmark crashed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
