// Searches every regular file under some folders for byte strings: how a test proves that
// a secret was never written to disk.
import { lstatSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/**
 * Regular files only: sockets and pipes (code-server keeps some) cannot be read, links lead elsewhere.
 * @param {string} dir
 * @returns {string[]}
 */
function regularFilesUnder(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return regularFilesUnder(path);
    return entry.isFile() ? [path] : [];
  });
}

/**
 * Looks for each of `needles` ({ name, bytes }) in every file under `dirs`. Returns the
 * hits ({ file, needle }) and what was read: file count, bytes and files per area (the
 * first two folders of their path below their root).
 * @param {string[]} dirs
 * @param {{ name: string; bytes: string | Buffer }[]} needles
 */
export function scanFiles(dirs, needles) {
  /** @type {{ file: string; needle: string }[]} */
  const hits = [];
  /** @type {Map<string, number>} */
  const areas = new Map();
  let files = 0;
  let bytes = 0;
  for (const dir of dirs) {
    for (const file of regularFilesUnder(dir)) {
      const content = readFileSync(file);
      files += 1;
      bytes += lstatSync(file).size;
      const parts = relative(dir, file).split('/');
      const area = parts.length > 2 ? parts.slice(0, 2).join('/') : parts.length === 2 ? `${parts[0]}/` : (parts[0] ?? '');
      areas.set(area, (areas.get(area) ?? 0) + 1);
      for (const needle of needles) if (content.includes(needle.bytes)) hits.push({ file, needle: needle.name });
    }
  }
  return { hits, files, bytes, areas };
}
