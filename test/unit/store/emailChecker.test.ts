import assert from 'node:assert/strict';
import { setTimeout as delay } from 'node:timers/promises';
import { after, before, beforeEach, describe, it } from 'node:test';
import { parseJsonDocument } from '../../../src/core/document/jsonDocument';
import type { LookupResult } from '../../../src/core/send/lookup';
import type { StoreTarget } from '../../../src/core/send/storeTarget';
import { customersOf } from '../../../src/core/results/sendResults';
import { ExistingEmailChecker, type EmailLookup } from '../../../src/core/store/emailChecker';
import { storeDiagnostics } from '../../../src/core/store/storeRules';
import { startSandboxStore, type SandboxStore } from '../../sandbox/store';
import type { HttpTransport } from '../../../src/core/send/http';
import { nodeTransport } from '../../../src/node/nodeTransport';
import { codeOf, customer, deferred, demoCatalogue, ManualTimers, targetOf } from './helpers';

const target: StoreTarget = { apiBaseUrl: 'https://api.bigcommerce.com', storeHash: 'abc123', accessToken: 't' };
const emails = (n: number, from = 0) => Array.from({ length: n }, (_, i) => `c${from + i}@example.com`);

/** A lookup that answers when told to, and remembers what it was asked. */
class ScriptedLookup {
  readonly calls: { emails: string[]; answer: (result: LookupResult) => void }[] = [];
  readonly lookup: EmailLookup = (_target, asked) => {
    const { promise, resolve } = deferred<LookupResult>();
    this.calls.push({ emails: asked, answer: resolve });
    return promise;
  };

  /** Answers every open call: found are the given emails, with ids. */
  answerAll(found: Record<string, number> = {}): void {
    for (const call of this.calls.splice(0)) {
      call.answer({ ok: true, found: new Map(call.emails.filter((e) => e in found).map((e) => [e, found[e]!])), createdAt: new Map() });
    }
  }
}

function setup(extra: Partial<ConstructorParameters<typeof ExistingEmailChecker>[0]> = {}) {
  const timers = new ManualTimers();
  const scripted = new ScriptedLookup();
  const changes: string[] = [];
  const checker = new ExistingEmailChecker({
    debounceMs: 300,
    timers,
    now: () => timers.now,
    lookup: scripted.lookup,
    onChange: (hash) => changes.push(hash),
    ...extra,
  });
  return { timers, scripted, changes, checker };
}

/** Lets answered lookups run their continuations. */
const settle = () => delay(0);

describe('ExistingEmailChecker (scripted)', () => {
  it('waits for the edits to pause, then asks in batches of ten, each email once', async () => {
    const { timers, scripted, checker, changes } = setup();
    for (let edit = 0; edit < 30; edit++) {
      checker.check(target, emails(25));
      timers.advance(100);
    }
    assert.equal(scripted.calls.length, 0, 'nothing is asked while typing');
    timers.advance(300);
    assert.deepEqual(
      scripted.calls.map((c) => c.emails.length),
      [10],
      'one store is asked one batch at a time',
    );
    for (let round = 0; round < 3; round++) {
      scripted.answerAll({ 'c3@example.com': 57 });
      await settle();
    }
    await checker.whenIdle();
    assert.deepEqual(checker.existing('abc123'), new Map([['c3@example.com', 57]]));
    assert.deepEqual(checker.answer('abc123', 'C4@Example.com'), { found: false, answeredAt: 3300 });
    assert.deepEqual(changes, ['abc123', 'abc123', 'abc123']);
  });

  it('asks only for emails it has no answer for', async () => {
    const { timers, scripted, checker } = setup();
    checker.check(target, emails(3));
    timers.advance(300);
    scripted.answerAll();
    await checker.whenIdle();
    checker.check(target, [...emails(3), 'new@example.com', 'NEW@example.com ']);
    timers.advance(300);
    assert.deepEqual(
      scripted.calls.map((c) => c.emails),
      [['new@example.com']],
    );
  });

  it('never asks about an email twice while it is being asked', async () => {
    const { timers, scripted, checker } = setup();
    checker.check(target, emails(5));
    timers.advance(300);
    assert.equal(scripted.calls.length, 1);
    checker.check(target, emails(7));
    timers.advance(300);
    scripted.answerAll();
    await settle();
    assert.deepEqual(
      scripted.calls.map((c) => c.emails),
      [['c5@example.com', 'c6@example.com']],
      'the second burst asks only what the first did not',
    );
  });

  it('does not ask about half-typed emails', () => {
    const { timers, scripted, checker } = setup();
    checker.check(target, ['jane@exa', 'jane', '', 'a b@example.com', 'x,y@example.com', 'ok@example.co']);
    timers.advance(300);
    assert.deepEqual(
      scripted.calls.map((c) => c.emails),
      [['ok@example.co']],
    );
  });

  it('asks again once an answer is older than maxAgeMs', async () => {
    const { timers, scripted, checker } = setup({ maxAgeMs: 10_000 });
    checker.check(target, ['a@example.com']);
    timers.advance(300);
    scripted.answerAll();
    await settle();
    timers.advance(5_000);
    checker.check(target, ['a@example.com']);
    timers.advance(300);
    assert.equal(scripted.calls.length, 0);
    timers.advance(5_000);
    checker.check(target, ['a@example.com']);
    timers.advance(300);
    assert.equal(scripted.calls.length, 1);
  });

  it('after a failure says why and leaves the store alone for a while', async () => {
    const { timers, scripted, checker, changes } = setup({ retryAfterFailureMs: 60_000 });
    checker.check(target, emails(15));
    timers.advance(300);
    scripted.calls.splice(0)[0]!.answer({ ok: false, message: 'the store kept failing (answered HTTP 503) for 3 s' });
    await checker.whenIdle();
    assert.equal(checker.problem('abc123'), 'the store kept failing (answered HTTP 503) for 3 s');
    assert.deepEqual(changes, ['abc123']);
    assert.equal(scripted.calls.length, 0, 'the queued batch is dropped');
    checker.check(target, emails(15));
    timers.advance(300);
    assert.equal(scripted.calls.length, 0);
    timers.advance(60_000);
    checker.check(target, emails(15));
    timers.advance(300);
    assert.equal(scripted.calls.length, 1);
    assert.equal(checker.problem('abc123'), undefined);
  });

  it('keeps stores apart', async () => {
    const { timers, scripted, checker } = setup();
    checker.check(target, ['a@example.com']);
    checker.check({ ...target, storeHash: 'other1' }, ['a@example.com']);
    timers.advance(300);
    assert.equal(scripted.calls.length, 2);
    scripted.answerAll({ 'a@example.com': 5 });
    await checker.whenIdle();
    checker.forget('other1');
    assert.deepEqual(checker.existing('abc123'), new Map([['a@example.com', 5]]));
    assert.deepEqual(checker.existing('other1'), new Map());
  });

  it('after dispose asks nothing and tells nothing', async () => {
    const { timers, scripted, checker, changes } = setup();
    checker.check(target, ['a@example.com']);
    checker.dispose();
    timers.advance(1_000);
    assert.equal(scripted.calls.length, 0);
    assert.equal(timers.waiting, 0);
    checker.check(target, ['b@example.com']);
    timers.advance(1_000);
    assert.equal(scripted.calls.length, 0);
    assert.deepEqual(changes, []);
    await checker.whenIdle();
  });
});

describe('ExistingEmailChecker against the sandbox store', () => {
  let store: SandboxStore;
  before(async () => {
    store = await startSandboxStore({ quota: 100_000, storeHash: 'abc123', latencyMs: 20 });
  });
  beforeEach(() => store.reset());
  after(() => store.close());

  const lookups = () => store.requests().filter((r) => r.query.startsWith('email:in='));
  const askedEmails = () =>
    lookups().flatMap((r) =>
      new URLSearchParams(r.query)
        .get('email:in')!
        .split(',')
        .map((e) => e.toLowerCase()),
    );

  /** A 25-customer file in which the last email is being typed, one character per edit. */
  function fileWhileTyping(edit: number): string {
    const typed = 'new.customer@example.com'.slice(0, Math.min(24, edit + 1));
    const list = Array.from({ length: 25 }, (_, i) => customer(i, { notes: 'x'.repeat(edit) }));
    list[1]!.email = 'taken@example.com';
    list[2]!.email = 'Mixed.Case@Example.com';
    list[24]!.email = typed;
    return JSON.stringify(list, null, 2);
  }

  function emailsOf(text: string): string[] {
    return customersOf(parseJsonDocument(text)).flatMap((c) => (c.email ? [c.email] : []));
  }

  it('30 rapid edits of a 25-customer file ask at most one request per ten emails, nothing twice', async () => {
    const changes: string[] = [];
    const checker = new ExistingEmailChecker({ debounceMs: 100, onChange: (hash) => changes.push(hash) });
    try {
      let text = '';
      for (let edit = 0; edit < 30; edit++) {
        text = fileWhileTyping(edit);
        checker.check(targetOf(store), emailsOf(text));
        await delay(2);
      }
      await checker.whenIdle();
      const unique = new Set(emailsOf(text).map((e) => e.toLowerCase()));
      assert.equal(unique.size, 25);
      assert.ok(lookups().length <= Math.ceil(unique.size / 10), `${lookups().length} lookups`);
      assert.equal(new Set(askedEmails()).size, askedEmails().length, 'no email is asked twice');
      assert.deepEqual(new Set(askedEmails()), unique, 'every email is asked');
      assert.ok(changes.length > 0);

      // more typing elsewhere in the file: everything is answered already
      const before = store.requests().length;
      for (let edit = 0; edit < 30; edit++) {
        checker.check(targetOf(store), emailsOf(text));
        await delay(1);
      }
      await checker.whenIdle();
      assert.equal(store.requests().length, before);

      const existing = checker.existing('abc123', emailsOf(text));
      assert.deepEqual([...existing].sort(), [
        ['mixed.case@example.com', 56],
        ['taken@example.com', 57],
      ]);
      const warnings = storeDiagnostics(parseJsonDocument(text), demoCatalogue(), existing, 'abc123').filter((d) => codeOf(d) === 'email-exists-in-store');
      assert.deepEqual(
        warnings.map((d) => [d.path, d.customerId]),
        [
          ['/1/email', 57],
          ['/2/email', 56],
        ],
      );
    } finally {
      checker.dispose();
    }
  });

  it('bursts that overlap a slow answer never ask an email twice', async () => {
    // The first request is held until both later bursts are in: the overlap is certain, not a race with timers.
    const held = deferred<void>();
    const started = deferred<void>();
    let first = true;
    const transport: HttpTransport = async (request) => {
      if (first) {
        first = false;
        started.resolve();
        await held.promise;
      }
      return nodeTransport(request);
    };
    const timers = new ManualTimers();
    const checker = new ExistingEmailChecker({ debounceMs: 5, timers, transport });
    try {
      checker.check(targetOf(store), emails(12));
      timers.advance(5);
      await started.promise; // the first batch is on its way
      checker.check(targetOf(store), emails(14));
      timers.advance(5);
      checker.check(targetOf(store), emails(14));
      timers.advance(5);
      held.resolve();
      await checker.whenIdle();
      assert.equal(new Set(askedEmails()).size, askedEmails().length, 'no email is asked twice');
      assert.equal(askedEmails().length, 14);
    } finally {
      checker.dispose();
    }
  });

  it('when the token is refused, says so and stops asking', async () => {
    const checker = new ExistingEmailChecker({ debounceMs: 5 });
    try {
      checker.check({ ...targetOf(store), accessToken: 'wrong' }, emails(25));
      await checker.whenIdle();
      assert.equal(store.requests().length, 1);
      assert.match(checker.problem('abc123') ?? '', /access token or store hash is wrong/);
      checker.check({ ...targetOf(store), accessToken: 'wrong' }, emails(25));
      await checker.whenIdle();
      assert.equal(store.requests().length, 1);
    } finally {
      checker.dispose();
    }
  });
});
