import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { type EmailClash, EmailRegister } from '../../../src/core/rules/duplicateEmails';
import { accessOverlaps, type ChannelAccess } from '../../../src/core/store/channelAccess';
import { KeyTable } from '../../../src/core/text/keyTable';

/** The register as a plain Map of every owner: each clash worked out from all earlier customers with the email. */
class MapRegister {
  private readonly owners = new Map<string, { index: number; access: ChannelAccess | undefined }[]>();

  add(key: string | undefined, access: ChannelAccess | undefined, index: number): EmailClash | undefined {
    if (key === undefined) return undefined;
    const earlier = this.owners.get(key) ?? [];
    this.owners.set(key, [...earlier, { index, access }]);
    const overlapWith = (other: (typeof earlier)[number]) => (access && other.access ? accessOverlaps(access, other.access) : true);
    const certain = earlier.find((other) => overlapWith(other) === true);
    if (certain) return { first: certain.index, firstAccess: certain.access, overlap: true };
    const possible = earlier.find((other) => overlapWith(other) === undefined);
    if (possible) return { first: possible.index, firstAccess: possible.access, overlap: undefined };
    return earlier[0] && { first: earlier[0].index, firstAccess: earlier[0].access, overlap: false };
  }
}

const access: fc.Arbitrary<ChannelAccess | undefined> = fc.oneof(
  { weight: 6, arbitrary: fc.constant('global' as const) },
  { weight: 2, arbitrary: fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 1, maxLength: 3 }) },
  { weight: 1, arbitrary: fc.constant(undefined) },
);
/** Few distinct emails, so that they clash often; some not ASCII, some blank (no email). */
const email = fc.oneof(
  fc.constantFrom('a@example.com', 'b@example.com', 'ünïcödé@example.com', 'δ@example.gr', '😀@example.com', 'a@example.co', ''),
  fc.string({ maxLength: 12 }),
);
const customers = fc.array(fc.record({ email, access }), { maxLength: 120 });

function clashesOf(register: { add: MapRegister['add'] }, list: { email: string; access: ChannelAccess | undefined }[]) {
  return list.map((c, index) => register.add(c.email === '' ? undefined : c.email, c.access, index));
}

describe('EmailRegister', () => {
  it('finds the same clashes as a Map of every owner', () => {
    fc.assert(
      fc.property(customers, (list) => {
        assert.deepEqual(clashesOf(new EmailRegister(), list), clashesOf(new MapRegister(), list));
      }),
      { numRuns: 300 },
    );
  });

  it('tells keys apart by every byte when all their hashes collide, in a table that must grow', () => {
    fc.assert(
      fc.property(customers, (list) => {
        const colliding = new EmailRegister({ initialSlots: 2, hash: () => 7 });
        assert.deepEqual(clashesOf(colliding, list), clashesOf(new MapRegister(), list));
      }),
      { numRuns: 200 },
    );
  });

  it('keeps 100,000 distinct emails apart and finds each again, with growth along the way', () => {
    const register = new EmailRegister();
    const count = 100_000;
    let emailBytes = 0;
    for (let i = 0; i < count; i++) {
      const key = `customer${i}@example.com`;
      emailBytes += key.length;
      assert.equal(register.add(key, 'global', i), undefined);
    }
    for (let i = 0; i < count; i += 997) {
      assert.deepEqual(register.add(`customer${i}@example.com`, 'global', count + i), { first: i, firstAccess: 'global', overlap: true });
    }
    // The emails' bytes (with room to grow) and a few dozen per customer: a Map of strings takes over a hundred per customer.
    assert.ok(register.byteSize < 1.5 * emailBytes + 48 * count, `${register.byteSize} bytes for ${emailBytes} bytes of emails`);
  });
});

describe('KeyTable', () => {
  it('numbers keys in the order first seen, the same key always alike', () => {
    const table = new KeyTable({ initialSlots: 2 });
    const keys = ['x', 'y', '', 'xy', 'é', 'e\u0301', '\ud800', '\udc00', 'x'];
    assert.deepEqual(
      keys.map((k) => table.intern(k)),
      [0, 1, 2, 3, 4, 5, 6, 7, 0],
    );
    assert.equal(table.size, 8);
  });

  it('keeps keys longer than its pages of bytes, and the keys after them', () => {
    const table = new KeyTable();
    const long = 'x'.repeat(3 << 20);
    const keys = ['a', long, 'b', long.slice(1), 'é'.repeat(1 << 19), 'c'];
    assert.deepEqual(
      keys.map((k) => table.intern(k)),
      [0, 1, 2, 3, 4, 5],
    );
    assert.deepEqual(
      [...keys, `${long.slice(1)}x`, long.slice(2)].map((k) => table.intern(k)),
      [0, 1, 2, 3, 4, 5, 1, 6],
    );
  });

  it('keeps lone surrogates apart from each other and from the replacement character', () => {
    const table = new KeyTable();
    assert.deepEqual(
      ['a\ud800', 'a\udbff', 'a\udc00', 'a\ufffd', '\ud83d\ude00', 'a\ud800'].map((k) => table.intern(k)),
      [0, 1, 2, 3, 4, 0],
    );
  });
});
