// Playwright helpers for VS Code's web workbench (1.100), by the DOM it renders:
// .monaco-workbench, the quick input (.quick-input-widget: Quick Open, the Command Palette,
// input boxes and quick picks), editors (.monaco-editor[data-uri]) with their tabs, code
// lenses and rendered lines, the Problems view (.markers-panel), the code action menu
// (.action-widget), modal dialogs (.monaco-dialog-box), notification toasts and the status
// bar; and the browser storage where VS Code for the Web keeps its state.
import { setTimeout as sleep } from 'node:timers/promises';

/** @typedef {import('playwright-core').Page} Page */
/** @typedef {import('playwright-core').Locator} Locator */

// eslint-disable-next-line no-control-regex -- matches the terminal's colour escapes
const terminalColours = /\u001b\[[0-9;]*m/g;

/**
 * Playwright's errors carry a long call log: its start and end say what went wrong.
 * @param {string} message
 */
function shorten(message) {
  const lines = message
    .replace(terminalColours, '')
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
  return (lines.length > 6 ? [...lines.slice(0, 3), '…', ...lines.slice(-2)] : lines).join(' ');
}

/**
 * Runs `action`; a failure says which step of the scenario failed.
 * @template T
 * @param {string} description
 * @param {() => T | Promise<T>} action
 */
export async function step(description, action) {
  try {
    return await action();
  } catch (error) {
    throw new Error(`${description}: ${shorten(error instanceof Error ? error.message : String(error))}`);
  }
}

/**
 * Polls `probe` until it returns something truthy. `message` may be a function, asked only on failure.
 * @template T
 * @param {() => T | Promise<T>} probe
 * @param {{ timeout?: number; message: string | (() => string | Promise<string>) }} options
 * @returns {Promise<Exclude<T, false | 0 | '' | null | undefined>>}
 */
export async function waitUntil(probe, { timeout = 30_000, message }) {
  const deadline = Date.now() + timeout;
  for (;;) {
    const value = await probe();
    if (value) return /** @type {Exclude<T, false | 0 | '' | null | undefined>} */ (value);
    if (Date.now() > deadline) throw new Error(`${typeof message === 'function' ? await message() : message} (waited ${timeout / 1000} s)`);
    await sleep(100);
  }
}

/**
 * Presses `key` until `target` shows: right after the workbench appears, a first key press
 * can come before its keybindings are ready.
 * @param {Page} page
 * @param {string} key
 * @param {Locator} target
 * @param {number} [attempts]
 */
export async function pressUntilVisible(page, key, target, attempts = 3) {
  for (let attempt = 1; ; attempt++) {
    await page.keyboard.press(key);
    try {
      await target.waitFor({ state: 'visible', timeout: 15_000 });
      return;
    } catch (error) {
      if (attempt === attempts) throw error;
    }
  }
}

/**
 * @param {Page} page
 * @param {string} fileName
 */
export function editorOf(page, fileName) {
  return page.locator(`.editor-instance .monaco-editor[data-uri$="/${fileName}"]`);
}

/**
 * @param {Page} page
 * @param {number} timeout
 */
export async function waitForWorkbench(page, timeout) {
  await page.locator('.monaco-workbench').waitFor({ state: 'visible', timeout });
  // The status bar is among the last parts to be laid out.
  await page.locator('.part.statusbar').waitFor({ state: 'visible', timeout });
}

/**
 * Ctrl+P, type the name, pick the file from the results.
 * @param {Page} page
 * @param {string} fileName
 */
export async function quickOpen(page, fileName) {
  const widget = page.locator('.quick-input-widget');
  await pressUntilVisible(page, 'Control+P', widget);
  await page.keyboard.type(fileName);
  const result = widget.locator('.monaco-list-row', { hasText: fileName }).first();
  await result.waitFor({ state: 'visible' });
  await result.click();
  await widget.waitFor({ state: 'hidden' });
  await editorOf(page, fileName).waitFor({ state: 'visible' });
}

/**
 * Ctrl+Shift+M shows the Problems view in the panel.
 * @param {Page} page
 */
export async function showProblems(page) {
  const problems = page.locator('.markers-panel');
  if (!(await problems.isVisible())) await pressUntilVisible(page, 'Control+Shift+M', problems);
  return problems;
}

/**
 * The rendered rows of the Problems tree, in order: files (aria-level 1) with their
 * problems (aria-level 2) after them.
 * @param {Page} page
 */
export async function problemsTree(page) {
  return page.locator('.markers-panel .monaco-list-row').evaluateAll((/** @type {Element[]} */ rows) =>
    rows
      .map((row) => ({
        index: Number(row.getAttribute('data-index')),
        level: Number(row.getAttribute('aria-level')),
        file: row.querySelector('.resource-label-container')?.textContent ?? '',
        message: row.querySelector('.marker-message-details-container')?.textContent ?? '',
        location: row.querySelector('.marker-line')?.textContent ?? '',
      }))
      .sort((a, b) => a.index - b.index),
  );
}

/**
 * Every problem of `fileName` listed in the Problems panel.
 * @param {Page} page
 * @param {string} fileName
 */
export async function problemsOfFile(page, fileName) {
  /** @type {Awaited<ReturnType<typeof problemsTree>>} */
  const problems = [];
  let file = '';
  for (const row of await problemsTree(page)) {
    if (row.level === 1) file = row.file;
    else if (file.includes(fileName)) problems.push(row);
  }
  return problems;
}

/**
 * The first problem of `fileName` whose text contains `text`, or undefined.
 * @param {Page} page
 * @param {string} fileName
 * @param {string} text
 */
export async function findProblem(page, fileName, text) {
  return (await problemsOfFile(page, fileName)).find((problem) => problem.message.includes(text));
}

/**
 * @param {Page} page
 * @param {{ index: number }} problem
 */
export function problemRow(page, problem) {
  return page.locator(`.markers-panel .monaco-list-row[data-index="${problem.index}"]`);
}

/**
 * "Ln 14, Col 25" as the status bar shows the cursor position.
 * @param {Page} page
 */
export async function cursorPosition(page) {
  const text = (await page.locator('[id="status.editor.selection"]').textContent()) ?? '';
  const match = /Ln (\d+), Col (\d+)/.exec(text);
  return match ? { line: Number(match[1]), column: Number(match[2]) } : undefined;
}

/**
 * Ctrl+. in the focused editor opens the Quick Fix menu.
 * @param {Page} page
 */
export async function openQuickFixMenu(page) {
  const menu = page.locator('.action-widget');
  await page.keyboard.press('Control+.');
  await menu.waitFor({ state: 'visible' });
  return menu;
}

/**
 * @param {Locator} menu
 */
export function quickFixItems(menu) {
  return menu.locator('.monaco-list-row.action');
}

/**
 * Clicks an item of the code action menu. The menu lies under a transparent block until
 * the mouse moves (VS Code's guard against stray clicks), so the pointer goes there first.
 * @param {Page} page
 * @param {Locator} item
 */
export async function pickMenuItem(page, item) {
  const box = await item.boundingBox();
  if (!box) throw new Error('the menu item is not on screen');
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await item.click();
}

/**
 * A CSS string literal of `text`.
 * @param {string} text
 */
function cssString(text) {
  return `"${text.replace(/["\\]/g, '\\$&')}"`;
}

/**
 * Ctrl+Shift+P, then `text` typed into the Command Palette.
 * @param {Page} page
 * @param {string} text
 */
export async function openCommandPalette(page, text) {
  const widget = page.locator('.quick-input-widget');
  await pressUntilVisible(page, 'Control+Shift+P', widget);
  await page.keyboard.type(text);
  return widget;
}

/**
 * The Command Palette's row for the command titled exactly `title` ("Category: Title").
 * @param {Page} page
 * @param {string} title
 */
export function commandRow(page, title) {
  return page.locator(`.quick-input-widget .monaco-list-row:is([aria-label=${cssString(title)}], [aria-label^=${cssString(`${title},`)}])`);
}

/**
 * Runs a command from the Command Palette, as a person would: type its title, click it.
 * @param {Page} page
 * @param {string} title
 */
export async function runCommand(page, title) {
  const widget = await openCommandPalette(page, title);
  const row = commandRow(page, title).first();
  await row.waitFor({ state: 'visible', timeout: 15_000 }).catch(async () => {
    const offered = await widget.locator('.monaco-list-row').evaluateAll((/** @type {Element[]} */ rows) => rows.map((r) => r.getAttribute('aria-label')));
    throw new Error(`the Command Palette does not offer "${title}" (it offers: ${offered.join(' | ') || 'nothing'})`);
  });
  await row.click();
}

/**
 * Waits for the input box or quick pick whose title contains `title`.
 * @param {Page} page
 * @param {string} title
 */
export async function quickInputTitled(page, title) {
  const widget = page.locator('.quick-input-widget');
  await widget.locator('.quick-input-title', { hasText: title }).waitFor({ state: 'visible' });
  return widget;
}

/**
 * Types `text` into the input box titled `title` and presses Enter.
 * @param {Page} page
 * @param {string} title
 * @param {string} text
 */
export async function answerInputBox(page, title, text) {
  const widget = await quickInputTitled(page, title);
  await page.keyboard.type(text);
  await page.keyboard.press('Enter');
  await widget.locator('.quick-input-title', { hasText: title }).waitFor({ state: 'hidden' });
}

/**
 * Picks the item labelled `label` in the quick pick titled `title`.
 * @param {Page} page
 * @param {string} title
 * @param {string} label
 */
export async function pickQuickItem(page, title, label) {
  const widget = await quickInputTitled(page, title);
  await widget.locator(`.monaco-list-row:is([aria-label=${cssString(label)}], [aria-label^=${cssString(`${label},`)}])`).click();
  await widget.locator('.quick-input-title', { hasText: title }).waitFor({ state: 'hidden' });
}

/**
 * @param {Page} page
 * @param {string} text
 */
export function statusBarItem(page, text) {
  return page.locator('.part.statusbar .statusbar-item', { hasText: text });
}

/**
 * The modal dialog whose message contains `message`.
 * @param {Page} page
 * @param {string} message
 */
export function dialog(page, message) {
  return page.locator('.monaco-dialog-box', { has: page.locator('.dialog-message-text', { hasText: message }) });
}

/**
 * Clicks `button` (its exact label) in the modal dialog asking `message`; returns the dialog's text.
 * @param {Page} page
 * @param {string} message
 * @param {string} button
 */
export async function answerDialog(page, message, button) {
  const box = dialog(page, message);
  await box.waitFor({ state: 'visible' });
  const text = (await box.locator('.dialog-message-container').innerText()).replace(/\s*\n\s*/g, ' ');
  await box.getByRole('button', { name: button, exact: true }).click();
  await box.waitFor({ state: 'hidden' });
  return text;
}

/**
 * The notification toast whose message matches `text` (a string it contains, or a RegExp).
 * @param {Page} page
 * @param {string | RegExp} text
 */
export function notification(page, text) {
  return page.locator('.notifications-toasts .notification-toast', {
    has: page.locator('.notification-list-item-message', { hasText: text }),
  });
}

/**
 * @param {Locator} toast
 */
export async function notificationMessage(toast) {
  return (await toast.locator('.notification-list-item-message').innerText()).trim();
}

/**
 * Closes a toast once it has been read, so that the next step cannot mistake it for a new one.
 * @param {Locator} toast
 */
export async function dismissNotification(toast) {
  await toast.hover();
  await toast.locator('.codicon-notifications-clear').click();
  await toast.waitFor({ state: 'hidden' });
}

/**
 * A button of the active editor's title bar, by its label ("Send Customers").
 * @param {Page} page
 * @param {string} label
 */
export function editorTitleButton(page, label) {
  return page.locator(
    `.editor-group-container.active .editor-actions .action-label:is([aria-label=${cssString(label)}], [aria-label^=${cssString(`${label} (`)}])`,
  );
}

/**
 * The code lens of `fileName`'s editor whose text contains `text`.
 * @param {Page} page
 * @param {string} fileName
 * @param {string} text
 */
export function codeLens(page, fileName, text) {
  return editorOf(page, fileName).locator('.codelens-decoration a', { hasText: text });
}

/**
 * The lines the editor has rendered (only those on screen), with their numbers and text as shown, inlay hints included.
 * @param {Page} page
 * @param {string} fileName
 */
export async function renderedLines(page, fileName) {
  return editorOf(page, fileName).evaluate((editor) => {
    const numbers = new Map(
      [...editor.querySelectorAll('.margin-view-overlays .line-numbers')].map((n) => [n.parentElement?.style.top, Number(n.textContent)]),
    );
    return [.../** @type {NodeListOf<HTMLElement>} */ (editor.querySelectorAll('.view-lines .view-line'))]
      .flatMap((line) => {
        const number = numbers.get(line.style.top);
        return number ? [{ line: number, text: (line.textContent ?? '').replace(/\u00a0/g, ' ') }] : [];
      })
      .sort((a, b) => a.line - b.line);
  });
}

/**
 * Focuses the editor of `fileName` by clicking its tab, which leaves its cursor where it is.
 * @param {Page} page
 * @param {string} fileName
 */
export async function focusEditor(page, fileName) {
  await editorTab(page, fileName).click();
  await editorOf(page, fileName).and(page.locator('.focused')).waitFor({ state: 'visible' });
}

// The editor's own keys for scrolling by a page without moving the cursor. (The mouse wheel
// scrolls only a few lines per event, however large its delta.)
const scrollPageDown = 'Alt+PageDown';
const scrollPageUp = 'Alt+PageUp';

/**
 * Scrolls the editor of `fileName` to its first line, again until it stays there (an editor just opened may still restore its scroll position).
 * @param {Page} page
 * @param {string} fileName
 */
export async function scrollToTop(page, fileName) {
  await focusEditor(page, fileName);
  await waitUntil(
    async () => {
      if ((await renderedLines(page, fileName))[0]?.line === 1) return true;
      await page.keyboard.press(scrollPageUp);
      return false;
    },
    { timeout: 15_000, message: `${fileName} does not scroll to its top` },
  );
}

/**
 * Every line of `fileName` up to `lastLine`, as the editor shows it: scrolls from the top a
 * page at a time, collects what each page renders, and scrolls back to the top.
 * @param {Page} page
 * @param {string} fileName
 * @param {number} lastLine
 */
export async function allEditorLines(page, fileName, lastLine) {
  await scrollToTop(page, fileName);
  /** @type {Map<number, string>} */
  const lines = new Map();
  for (let pages = 0; pages < 100; pages++) {
    const rendered = await waitUntil(
      async () => {
        const now = await renderedLines(page, fileName);
        return (pages === 0 || now.some((l) => !lines.has(l.line))) && now;
      },
      { timeout: 6000, message: `${fileName} does not scroll past line ${Math.max(...lines.keys())}` },
    );
    for (const { line, text } of rendered) lines.set(line, text);
    if (lines.has(lastLine)) {
      await scrollToTop(page, fileName);
      return lines;
    }
    await page.keyboard.press(scrollPageDown);
  }
  throw new Error(`line ${lastLine} of ${fileName} never came into view`);
}

/**
 * @param {Page} page
 * @param {string} fileName
 */
export function editorTab(page, fileName) {
  return page.locator(`.tabs-container .tab[data-resource-name=${cssString(fileName)}]`);
}

/**
 * Closes the editor of `fileName` with its tab's close button.
 * @param {Page} page
 * @param {string} fileName
 */
export async function closeEditor(page, fileName) {
  const tab = editorTab(page, fileName);
  await tab.hover();
  await tab.locator('.tab-actions .codicon-close').click();
  await tab.waitFor({ state: 'detached' });
}

/**
 * "Developer: Reload Window", then waits for the new workbench.
 * @param {Page} page
 * @param {number} timeout
 */
export async function reloadWindow(page, timeout) {
  const reloaded = page.waitForEvent('load', { timeout });
  await runCommand(page, 'Developer: Reload Window');
  await reloaded;
  await waitForWorkbench(page, timeout);
}

/**
 * Searches the workbench's IndexedDB databases (where VS Code for the Web keeps its state,
 * extensions' global and workspace state among it) for `text`, in keys and values, strings
 * and bytes alike. Returns { databases: [{ name, records }], hits: ['database/store'] }.
 * @param {Page} page
 * @param {string} text
 */
export async function searchIndexedDb(page, text) {
  return page.evaluate(async (needle) => {
    const decoder = new TextDecoder();
    const asText = (/** @type {unknown} */ value) => {
      if (typeof value === 'string') return value;
      if (value instanceof ArrayBuffer) return decoder.decode(value);
      if (ArrayBuffer.isView(value)) return decoder.decode(/** @type {ArrayBufferView<ArrayBuffer>} */ (value));
      try {
        return JSON.stringify(value) ?? '';
      } catch {
        return String(value);
      }
    };
    /** @type {<T>(req: IDBRequest<T>) => Promise<T>} */
    const request = (req) =>
      new Promise((resolve, reject) => {
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
    /** @type {{ name: string; records: number }[]} */
    const databases = [];
    /** @type {string[]} */
    const hits = [];
    for (const { name } of await indexedDB.databases()) {
      if (name === undefined) continue;
      const db = await request(indexedDB.open(name));
      let records = 0;
      for (const storeName of db.objectStoreNames) {
        const store = db.transaction(storeName, 'readonly').objectStore(storeName);
        const [keys, values] = await Promise.all([request(store.getAllKeys()), request(store.getAll())]);
        records += values.length;
        if ([...keys, ...values].some((item) => asText(item).includes(needle))) hits.push(`${name}/${storeName}`);
      }
      db.close();
      databases.push({ name, records });
    }
    return { databases, hits };
  }, text);
}

/**
 * Ctrl+Space in the focused editor opens the suggestion list; returns its rows' labels once it shows some.
 * @param {Page} page
 */
export async function openSuggestions(page) {
  const widget = page.locator('.editor-widget.suggest-widget.visible');
  await pressUntilVisible(page, 'Control+Space', widget);
  return waitUntil(
    async () => {
      const labels = await widget
        .locator('.monaco-list-row')
        .evaluateAll((/** @type {Element[]} */ rows) => rows.map((r) => r.getAttribute('aria-label') ?? ''));
      return labels.length > 0 && labels;
    },
    { timeout: 15_000, message: 'the suggestion list stays empty' },
  );
}

/**
 * Accepts the suggestion whose label contains `text`.
 * @param {Page} page
 * @param {string} text
 */
export async function acceptSuggestion(page, text) {
  const widget = page.locator('.editor-widget.suggest-widget.visible');
  await widget.locator('.monaco-list-row', { hasText: text }).first().click();
  await widget.waitFor({ state: 'hidden' });
}
