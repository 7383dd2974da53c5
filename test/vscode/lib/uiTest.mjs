// The types a UI test (test/vscode/ui/*.ui.mjs) is written against; runCodeServer.mjs runs them.

/** @typedef {import('playwright-core').Page} Page */
/** @typedef {ReturnType<typeof import('./session.mjs').createSession>} Session */

/**
 * What every UI test gets besides the page.
 * @typedef {object} UiContext
 * @property {string} mediaDir where its screenshots go
 * @property {import('./sandbox.mjs').SandboxStore} sandbox
 * @property {{ codeServerReady: number; workbench: number; suite: number; uiTest: number }} timeouts
 * @property {(line: string) => void} log
 * @property {Session[]} sessions every session of the run so far
 */

/**
 * A UI test module: `phase` says where it runs (see runCodeServer.mjs).
 * @typedef {object} UiTest
 * @property {string} title
 * @property {number} [timeoutMs]
 * @property {'workbench' | 'restricted' | 'web' | 'after-run'} [phase]
 * @property {(page: Page, context: UiContext) => Promise<unknown>} run
 */

export {};
