// Debian's Chromium, headless, driven by Playwright. Flags keep it from reaching out to the
// network (there is none) and from needing a GPU or a sandbox (tests run as root).
import { appendFileSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { chromiumBin } from './paths.mjs';

const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export async function launchBrowser() {
  return chromium.launch({
    executablePath: chromiumBin,
    headless: true,
    args: chromiumArgs,
    // Signals are the run's to handle: it closes the browser, then stops code-server.
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
  });
}

/**
 * A page the size of a laptop screen, whose console and errors are kept in `logFile`.
 * @param {import('playwright-core').Browser} browser
 * @param {string} logFile
 */
export async function openPage(browser, logFile) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 860 }, deviceScaleFactor: 1 });
  const page = await context.newPage();
  const log = (/** @type {string} */ line) => {
    try {
      appendFileSync(logFile, `${new Date().toISOString()} ${line}\n`);
    } catch {
      // The session's folder is gone (the run is ending): the line has nowhere to go.
    }
  };
  page.on('console', (message) => log(`[${message.type()}] ${message.text()}`));
  page.on('pageerror', (error) => log(`[pageerror] ${error.stack ?? error.message}`));
  page.on('crash', () => log('[crash] the page crashed'));
  return page;
}
