import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { TextSpill } from '../../../src/cli/textSpill';

/** A spill whose temporary files go to a directory of their own, to see them come and go. */
function spillIn(limit: number): { spill: TextSpill; files: () => string[] } {
  const dir = mkdtempSync(join(tmpdir(), 'spill-test-'));
  return { spill: new TextSpill(limit, dir), files: () => readdirSync(dir) };
}

describe('TextSpill', () => {
  it('gives back what was added, in order, from memory when it is small', () => {
    const { spill, files } = spillIn(1 << 20);
    for (const piece of ['a', '', 'bc', 'é😀']) spill.add(piece);
    assert.equal(spill.empty, false);
    assert.equal([...spill.drain()].join(''), 'abcé😀');
    assert.deepEqual(files(), []);
    assert.equal(spill.empty, true);
  });

  it('past its limit holds at most the limit in memory and the rest in a file without a name, characters of several bytes cut across reads intact', () => {
    const { spill, files } = spillIn(7);
    const pieces = Array.from({ length: 500 }, (_, i) => `${i}:é😀\u2028€,`);
    for (const piece of pieces) {
      spill.add(piece);
      assert.ok(spill['held'] < 7 + piece.length);
      // Unnamed while in use: a process killed now would leave nothing behind.
      if (process.platform !== 'win32') assert.deepEqual(files(), []);
    }
    assert.equal([...spill.drain()].join(''), pieces.join(''));
    assert.deepEqual(files(), []);
  });

  it('forgets everything when disposed, and starts again empty', () => {
    const { spill, files } = spillIn(4);
    spill.add('0123456789');
    spill.dispose();
    assert.deepEqual(files(), []);
    spill.add('x');
    assert.deepEqual([...spill.drain()], ['x']);
  });
});
