// After every session has ended: the access token typed into "Set Store Credentials" is in
// no file that VS Code, code-server or the extension wrote (logs, output channels, settings,
// state and storage folders, the workspace), nor in the browser's IndexedDB, where VS Code
// for the Web keeps its own and the extensions' state.
//
// Where the token does go: code-server 4.100.3's workbench keeps SecretStorage in the
// browser's localStorage ("secrets.provider"), sealed with AES-GCM under a key that is half
// the browser's and half the server's (<user-data>/serve-web-key-half). So the secret store
// is not in the session folder at all, and nothing there is excluded from the search.
import { scanFiles } from '../lib/fileScan.mjs';
import { searchIndexedDb, step } from './workbench.mjs';

/** @typedef {import('playwright-core').Page} Page */

export const title =
  "the access token is written to no file of the sessions (logs, output channels, settings, storage, workspace) nor to the browser's state; only the browser's secret store holds it, encrypted";
export const phase = 'after-run';

const secretStoreKey = 'secrets.provider';

/**
 * @param {Page} page
 * @param {import('../lib/uiTest.mjs').UiContext} context
 */
export async function run(page, { sandbox, sessions, log }) {
  const token = sandbox.accessToken;

  await step(`find the token sealed in the browser's localStorage "${secretStoreKey}"`, async () => {
    const stored = await page.evaluate(([key, secret]) => {
      const value = localStorage.getItem(key);
      return value === null ? undefined : { length: value.length, plain: value.includes(secret) };
    }, /** @type {[string, string]} */ ([secretStoreKey, token]));
    if (!stored) throw new Error('the browser holds no secrets: the credentials were kept somewhere else');
    if (stored.plain) throw new Error('the browser keeps the token in plain text');
    log(`secret store: the browser's localStorage "${secretStoreKey}" (${stored.length} characters, encrypted), outside the session folders`);
  });

  await step("search the browser's IndexedDB (VS Code's state, extensions' global and workspace state) for the token", async () => {
    // The extension's global state names the active store: finding it shows the search reaches the extension's state.
    const control = await searchIndexedDb(page, 'bigcommerceCustomers.activeStore');
    if (!control.hits.length) throw new Error("the search did not even find the extension's own state (bigcommerceCustomers.activeStore)");
    const { databases, hits } = await searchIndexedDb(page, token);
    log(`browser IndexedDB: ${databases.map((d) => `${d.name} (${d.records} records)`).join(', ')}; the extension's state is in ${control.hits.join(', ')}`);
    if (hits.length) throw new Error(`the token is in plain text in ${hits.join(', ')}`);
  });

  await step('search every file of the session folders for the token', () => {
    const needles = [
      { name: 'UTF-8', bytes: Buffer.from(token, 'utf8') },
      { name: 'UTF-16', bytes: Buffer.from(token, 'utf16le') },
      { name: 'base64', bytes: Buffer.from(Buffer.from(token).toString('base64').replace(/=+$/, '')) },
    ];
    // The sandbox's URL is in every session's settings.json: finding it shows the search works.
    const control = { name: 'control', bytes: Buffer.from(sandbox.url) };
    const {
      hits: allHits,
      files,
      bytes,
      areas,
    } = scanFiles(
      sessions.map((s) => s.dir),
      [...needles, control],
    );
    const hits = allHits.filter((hit) => hit.needle !== control.name);
    if (allHits.length === hits.length) throw new Error(`the search did not even find the sandbox's URL (${sandbox.url}), which the settings contain`);
    log(`searched ${files} files (${(bytes / 1_048_576).toFixed(1)} MB) for the token as UTF-8, UTF-16 and base64, in:`);
    for (const session of sessions) log(`  ${session.dir}`);
    log(
      `  by area: ${[...areas]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([area, count]) => `${area} (${count})`)
        .join(', ')}`,
    );
    if (hits.length) throw new Error(`the token is in ${hits.map((h) => `${h.file} (${h.needle})`).join(', ')}`);
  });
}
