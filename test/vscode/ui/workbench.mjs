// Playwright helpers for VS Code's web workbench (1.100), by the DOM it renders:
// .monaco-workbench, the quick input (.quick-input-widget), editors
// (.monaco-editor[data-uri]), the Problems view (.markers-panel) and the code action
// menu (.action-widget).
import { setTimeout as sleep } from 'node:timers/promises';

/** Playwright's errors carry a long call log: its start and end say what went wrong. */
function shorten(message) {
  const lines = message.replace(/\u001b\[[0-9;]*m/g, '').split('\n').map((line) => line.trim()).filter(Boolean);
  return (lines.length > 6 ? [...lines.slice(0, 3), '…', ...lines.slice(-2)] : lines).join(' ');
}

/** Runs `action`; a failure says which step of the scenario failed. */
export async function step(description, action) {
  try {
    return await action();
  } catch (error) {
    throw new Error(`${description}: ${shorten(error instanceof Error ? error.message : String(error))}`);
  }
}

/** Polls `probe` until it returns something truthy. */
export async function waitUntil(probe, { timeout = 10_000, message }) {
  const deadline = Date.now() + timeout;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`${message} (waited ${timeout / 1000} s)`);
    await sleep(100);
  }
}

/**
 * Presses `key` until `target` shows: right after the workbench appears, a first key press
 * can come before its keybindings are ready.
 */
export async function pressUntilVisible(page, key, target, attempts = 3) {
  for (let attempt = 1; ; attempt++) {
    await page.keyboard.press(key);
    try {
      await target.waitFor({ state: 'visible', timeout: 5000 });
      return;
    } catch (error) {
      if (attempt === attempts) throw error;
    }
  }
}

export function editorOf(page, fileName) {
  return page.locator(`.editor-instance .monaco-editor[data-uri$="/${fileName}"]`);
}

export async function waitForWorkbench(page, timeout) {
  await page.locator('.monaco-workbench').waitFor({ state: 'visible', timeout });
  // The status bar is among the last parts to be laid out.
  await page.locator('.part.statusbar').waitFor({ state: 'visible', timeout });
}

/** Ctrl+P, type the name, pick the file from the results. */
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

/** Ctrl+Shift+M shows the Problems view in the panel. */
export async function showProblems(page) {
  const problems = page.locator('.markers-panel');
  if (!(await problems.isVisible())) await pressUntilVisible(page, 'Control+Shift+M', problems);
  return problems;
}

/**
 * The rendered rows of the Problems tree, in order: files (aria-level 1) with their
 * problems (aria-level 2) after them.
 */
export async function problemsTree(page) {
  return page.locator('.markers-panel .monaco-list-row').evaluateAll((rows) =>
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

/** The first problem of `fileName` whose text contains `text`, or undefined. */
export async function findProblem(page, fileName, text) {
  let file = '';
  for (const row of await problemsTree(page)) {
    if (row.level === 1) file = row.file;
    else if (file.includes(fileName) && row.message.includes(text)) return row;
  }
  return undefined;
}

export function problemRow(page, problem) {
  return page.locator(`.markers-panel .monaco-list-row[data-index="${problem.index}"]`);
}

/** "Ln 14, Col 25" as the status bar shows the cursor position. */
export async function cursorPosition(page) {
  const text = (await page.locator('[id="status.editor.selection"]').textContent()) ?? '';
  const match = /Ln (\d+), Col (\d+)/.exec(text);
  return match ? { line: Number(match[1]), column: Number(match[2]) } : undefined;
}

/** Ctrl+. in the focused editor opens the Quick Fix menu. */
export async function openQuickFixMenu(page) {
  const menu = page.locator('.action-widget');
  await page.keyboard.press('Control+.');
  await menu.waitFor({ state: 'visible' });
  return menu;
}

export function quickFixItems(menu) {
  return menu.locator('.monaco-list-row.action');
}

/**
 * Clicks an item of the code action menu. The menu lies under a transparent block until
 * the mouse moves (VS Code's guard against stray clicks), so the pointer goes there first.
 */
export async function pickMenuItem(page, item) {
  const box = await item.boundingBox();
  if (!box) throw new Error('the menu item is not on screen');
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await item.click();
}
