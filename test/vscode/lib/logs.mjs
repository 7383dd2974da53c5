// Log excerpts for failure messages: code-server's own output and the extension host's logs.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/** @param {string} file */
export function tail(file, lines = 40) {
  if (!existsSync(file)) return `(${file} does not exist)`;
  const text = readFileSync(file, 'utf8').trimEnd();
  return text ? text.split('\n').slice(-lines).join('\n') : '(empty)';
}

/**
 * @param {string} dir
 * @returns {string[]}
 */
function filesUnder(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

/**
 * VS Code writes them to <user-data-dir>/logs/<session>/: the server's remoteagent.log and,
 * per extension host, exthost<n>/remoteexthost.log and one folder per extension's channel.
 * Other extensions' channels are left out.
 * @param {string} userDataDir
 */
export function extensionHostLogs(userDataDir) {
  const wanted = [/\/remoteagent\.log$/, /\/exthost\d+\/remoteexthost\.log$/, /\/exthost\d+\/bccustomers\.[^/]+\/[^/]+\.log$/];
  return filesUnder(join(userDataDir, 'logs')).filter((file) => wanted.some((pattern) => pattern.test(file)));
}

/** @param {{ codeServerLog: string; userDataDir: string; browserLog?: string | undefined }} logs */
export function logExcerpts({ codeServerLog, userDataDir, browserLog }) {
  /** @type {[string, string][]} */
  const sections = [['code-server', codeServerLog]];
  for (const file of extensionHostLogs(userDataDir)) sections.push([`extension host: ${relative(userDataDir, file)}`, file]);
  if (browserLog) sections.push(['browser console', browserLog]);
  return sections.map(([title, file]) => `--- ${title} (last lines of ${file}) ---\n${tail(file)}`).join('\n');
}
