// The extension's activation time as it logs it ("Activated in N ms") to its output
// channel, whose file VS Code writes under <user-data>/logs/<session>/exthost<n>/.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const channelFolder = 'bccustomers.bigcommerce-customers';
const channelFile = 'BigCommerce Customers.log';

/**
 * The channel's log files, oldest extension host first.
 * @param {string} userDataDir
 */
function channelLogs(userDataDir) {
  const logsDir = join(userDataDir, 'logs');
  if (!existsSync(logsDir)) return [];
  const hostNumber = (/** @type {string} */ name) => Number(/^exthost(\d+)$/.exec(name)?.[1]);
  return readdirSync(logsDir)
    .sort()
    .flatMap((session) =>
      readdirSync(join(logsDir, session))
        .filter((name) => hostNumber(name) >= 0)
        .sort((a, b) => hostNumber(a) - hostNumber(b))
        .map((host) => join(logsDir, session, host, channelFolder, channelFile)),
    )
    .filter((file) => existsSync(file));
}

/**
 * The first activation of the session (its first extension host): { activationMs, file }, or undefined.
 * @param {string} userDataDir
 */
export function firstActivation(userDataDir) {
  for (const file of channelLogs(userDataDir)) {
    const match = /Activated in ([\d.]+) ms/.exec(readFileSync(file, 'utf8'));
    if (match) return { activationMs: Number(match[1]), file };
  }
  return undefined;
}
