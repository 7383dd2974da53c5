import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { commandIds } from '../../../src/extension/commandIds';

interface Contributes {
  commands: { command: string }[];
  menus: Record<string, { command: string }[]>;
}

const manifest = JSON.parse(readFileSync(join(__dirname, '../../../package.json'), 'utf8')) as { contributes: Contributes };
const table: string[] = Object.values(commandIds).sort();

describe('command ids', () => {
  it('package.json contributes exactly the commands of the table', () => {
    assert.deepEqual(manifest.contributes.commands.map((c) => c.command).sort(), table);
  });

  it('every menu entry names a command of the table', () => {
    for (const [menu, entries] of Object.entries(manifest.contributes.menus)) {
      for (const { command } of entries) assert.ok(table.includes(command), `${menu} names ${command}, which is not in the table`);
    }
  });

  it('the table has no id twice', () => {
    assert.equal(new Set(table).size, table.length);
  });
});
