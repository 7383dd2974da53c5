import * as vscode from 'vscode';
import type { Customer } from '../../core/import/convert';
import { openCsv } from '../../core/import/csvReader';
import { type CsvEncoding, decodeChunks, ImportProblem } from '../../core/import/decode';
import { detectFormat } from '../../core/import/formats';
import { importCustomers, type ImportResult } from '../../core/import/importCustomers';
import { type ImportMapping, mappingProblems, mappingText } from '../../core/import/mapping';
import { CustomersJsonWriter, traceFileName, traceJson } from '../../core/import/output';
import { previewText } from '../../core/import/preview';

// Files are read and written through vscode.workspace.fs only, so that the command also runs
// where there is no Node file system (VS Code for the Web, virtual workspaces).

const chunkSize = 256 * 1024;
const previewRows = 3;
const encoder = new TextEncoder();

// eslint-disable-next-line @typescript-eslint/require-await -- the import reads any file as an async stream of chunks; this one is already in memory
async function* chunksOf(bytes: Uint8Array): AsyncGenerator<Uint8Array> {
  for (let i = 0; i < bytes.length; i += chunkSize) yield bytes.subarray(i, i + chunkSize);
}

const fileName = (uri: vscode.Uri) => uri.path.slice(uri.path.lastIndexOf('/') + 1);
const sibling = (uri: vscode.Uri, name: string) => vscode.Uri.joinPath(uri, '..', name);
const baseName = (uri: vscode.Uri) => fileName(uri).replace(/\.(csv|txt)$/i, '');
const traceOf = (output: vscode.Uri) => output.with({ path: traceFileName(output.path) });

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

function defaultUriNear(near: vscode.Uri | undefined): { defaultUri?: vscode.Uri } {
  const defaultUri = near ? vscode.Uri.joinPath(near, '..') : vscode.workspace.workspaceFolders?.[0]?.uri;
  return defaultUri ? { defaultUri } : {};
}

async function pickFile(title: string, near?: vscode.Uri): Promise<vscode.Uri | undefined> {
  const picked = await vscode.window.showOpenDialog({
    title,
    canSelectMany: false,
    filters: { 'CSV files': ['csv', 'txt'], 'All files': ['*'] },
    ...defaultUriNear(near),
  });
  return picked?.[0];
}

/** `name.bccustomers-mapping.json` next to the CSV, when there is one and it is usable. */
async function mappingNextTo(csv: vscode.Uri): Promise<{ uri: vscode.Uri; mapping: ImportMapping } | undefined> {
  const uri = sibling(csv, `${baseName(csv)}.bccustomers-mapping.json`);
  if (!(await exists(uri))) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(uri)));
  } catch (error) {
    throw new ImportProblem(`${fileName(uri)} is not JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  const problems = mappingProblems(value);
  if (problems.length) throw new ImportProblem(`${fileName(uri)}: ${problems.join(' ')}`);
  return { uri, mapping: value as ImportMapping };
}

/** The first free `name.bccustomers.json`, `name-2.bccustomers.json`, … next to the CSV. */
async function outputFor(csv: vscode.Uri): Promise<vscode.Uri> {
  for (let n = 1; ; n++) {
    const uri = sibling(csv, `${baseName(csv)}${n > 1 ? `-${n}` : ''}.bccustomers.json`);
    if (!(await exists(uri)) && !(await exists(traceOf(uri)))) return uri;
  }
}

/** A mapping with every column of the CSV, left out until a field is given. */
async function createMappingFile(csv: vscode.Uri, bytes: Uint8Array, encoding: CsvEncoding): Promise<void> {
  const { header } = await openCsv(decodeChunks(chunksOf(bytes), encoding));
  const uri = sibling(csv, `${baseName(csv)}.bccustomers-mapping.json`);
  const mapping: ImportMapping = { description: fileName(csv), columns: Object.fromEntries(header.filter(Boolean).map((c) => [c, null])) };
  await vscode.workspace.fs.writeFile(uri, encoder.encode(mappingText(mapping)));
  await vscode.window.showTextDocument(uri);
  void vscode.window.showInformationMessage(`Give each column of ${fileName(csv)} its field (completion lists them), then import again.`);
}

interface Converted {
  result: ImportResult;
  text: string[];
  first: { customer: Customer; row: number }[];
}

async function convert(
  csv: vscode.Uri,
  bytes: Uint8Array,
  encoding: CsvEncoding,
  mapping: ImportMapping | undefined,
  addresses: vscode.Uri | undefined,
): Promise<Converted | undefined> {
  const addressBytes = addresses && (await vscode.workspace.fs.readFile(addresses));
  const writer = new CustomersJsonWriter();
  const text: string[] = [];
  const first: Converted['first'] = [];
  return vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: `Importing ${fileName(csv)}`, cancellable: true },
    async (progress, token) => {
      const result = await importCustomers({
        file: { name: fileName(csv), chunks: chunksOf(bytes), encoding },
        addresses: addresses && addressBytes ? { name: fileName(addresses), chunks: chunksOf(addressBytes), encoding } : undefined,
        mapping,
        onCustomer: (customer, row) => {
          text.push(writer.customer(customer));
          if (first.length < previewRows) first.push({ customer, row });
        },
        onProgress: async (rows, customers) => {
          progress.report({ message: `${rows.toLocaleString('en-US')} rows · ${customers.toLocaleString('en-US')} customers` });
          // A turn for the UI, so that Cancel is heard.
          await new Promise((resolve) => setTimeout(resolve, 0));
        },
        isCancelled: () => token.isCancellationRequested,
      });
      text.push(writer.end());
      return result.report.cancelled ? undefined : { result, text, first };
    },
  );
}

/** BigCommerce: Import Customers from CSV… — converts, shows what it will write, writes and opens it. */
export async function importCsv(uri?: vscode.Uri, encoding: CsvEncoding = 'utf-8'): Promise<vscode.Uri | undefined> {
  const csv = uri ?? (await pickFile('Import Customers from CSV'));
  if (!csv) return undefined;
  const bytes = await vscode.workspace.fs.readFile(csv);
  try {
    const found = await mappingNextTo(csv);
    const { header } = await openCsv(decodeChunks(chunksOf(bytes), encoding));
    const addressesApart = found ? found.mapping.addresses : detectFormat(header)?.mapping.addresses;
    const addresses = addressesApart && (await pickFile(`Select the addresses file of ${fileName(csv)} (cancel: no addresses)`, csv));
    const converted = await convert(csv, bytes, encoding, found?.mapping, addresses);
    if (!converted) {
      void vscode.window.showInformationMessage(`Import of ${fileName(csv)} cancelled; nothing was written.`);
      return undefined;
    }
    const { result, text, first } = converted;
    const { report } = result;
    const output = await outputFor(csv);
    const write = 'Write Customers File';
    const writeWithMapping = 'Write Customers File and Mapping';
    const choice = await vscode.window.showInformationMessage(
      `Import ${fileName(csv)}: ${report.formatLabel}${found ? ` (${fileName(found.uri)})` : ''}`,
      { modal: true, detail: `${previewText(report, first)}\n\nWrites ${fileName(output)}.` },
      write,
      ...(found ? [] : [writeWithMapping]),
    );
    if (choice !== write && choice !== writeWithMapping) return undefined;
    await vscode.workspace.fs.writeFile(output, encoder.encode(text.join('')));
    const trace = traceOf(output);
    await vscode.workspace.fs.writeFile(trace, encoder.encode([...traceJson(report, result.rows)].join('')));
    if (choice === writeWithMapping)
      await vscode.workspace.fs.writeFile(sibling(csv, `${baseName(csv)}.bccustomers-mapping.json`), encoder.encode(mappingText(result.mapping)));
    await vscode.window.showTextDocument(output);
    const skipped = report.skipped.length;
    void vscode.window
      .showInformationMessage(
        `Imported ${report.customers.toLocaleString('en-US')} customers from ${fileName(csv)}${skipped ? `; ${skipped} row${skipped === 1 ? '' : 's'} not imported` : ''}. The report is in ${fileName(trace)}.`,
        'Show Report',
      )
      .then((action) => action && vscode.window.showTextDocument(trace, { viewColumn: vscode.ViewColumn.Beside, preview: true }));
    return output;
  } catch (error) {
    if (!(error instanceof ImportProblem)) throw error;
    const actions = error.kind === 'not-utf8' ? ['Read as Windows-1252'] : error.kind === 'unknown-format' ? ['Create Mapping File'] : [];
    const action = await vscode.window.showErrorMessage(`Cannot import ${fileName(csv)}: ${error.message}`, ...actions);
    if (action === 'Read as Windows-1252') return importCsv(csv, 'windows-1252');
    if (action === 'Create Mapping File') await createMappingFile(csv, bytes, encoding);
    return undefined;
  }
}
