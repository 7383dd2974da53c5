/**
 * Kills `bccustomers send` with SIGKILL at chosen and random moments, then
 * runs it again, until it finishes: no customer may be lost or created twice,
 * and the run that finishes may make no more requests than its customers
 * need, plus one lookup per request whose outcome the journal lacked.
 */
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { seededRandom } from '../../../src/core/random';
import { startSandboxStore, type SandboxStore } from '../../sandbox/store';

const cli = join(__dirname, '../../../dist/cli.js');
const token = `bcc-secret-${Math.random().toString(36).slice(2)}`;
const SEEDS = 20;
const CUSTOMERS = 30; // three requests
const WINDOW_MS = 150;

type KillPoint = 'request arrived' | 'customers stored' | 'intent written' | 'outcome written' | 'any time';
const KILL_POINTS: KillPoint[] = ['request arrived', 'customers stored', 'intent written', 'outcome written', 'any time'];

interface Run {
  status: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  /** the store's request log while it ran */
  requests: ReturnType<SandboxStore['requests']>;
}

describe('bccustomers send killed at random points, then run again (sandbox store)', () => {
  let store: SandboxStore;
  let dir: string;
  /** what each final run found, to show the kills landed where they should */
  const seen: { settled: number; interrupted: number; torn: number }[] = [];
  let tornRecords = 0;

  before(async () => {
    // A scaled-down quota, so the client also waits for the window between requests.
    store = await startSandboxStore({ accessToken: token, quota: 5, windowMs: WINDOW_MS });
    dir = mkdtempSync(join(tmpdir(), 'bccustomers-kill-'));
  });
  after(() => store.close());

  function start(file: string, results?: string): { child: ChildProcess; done: Promise<Run> } {
    const from = store.requests().length;

    const args = ['send', file, '--store', store.storeHash, '--api-base-url', store.url, '--format', 'json', ...(results ? ['--results', results] : [])];
    const child = spawn(process.execPath, [cli, ...args], { cwd: dir, env: { PATH: process.env.PATH, BIGCOMMERCE_ACCESS_TOKEN: token } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const done = new Promise<Run>((resolve) =>
      child.on('close', (status, signal) => {
        // Whatever the client had written to its socket still reaches the store after the kill.
        setTimeout(() => resolve({ status, signal, stdout, stderr, requests: store.requests().slice(from) }), 50);
      }),
    );
    return { child, done };
  }

  /** One run killed at `point`; with a journal point, the record being written may be left torn, as a kill mid-write would. */
  async function killedRun(file: string, point: KillPoint, random: () => number): Promise<Run> {
    const journal = join(dir, `${file}.journal`);
    const linesBefore = existsSync(journal) ? readFileSync(journal, 'utf8').split('\n').length - 1 : 0;
    const nth = 1 + Math.floor(random() * 3);
    const { child, done } = start(file);
    const kill = () => child.kill('SIGKILL');
    let posts = 0;
    let poll: NodeJS.Timeout | undefined;
    if (point === 'request arrived' || point === 'customers stored') {
      const stage = point === 'request arrived' ? 'received' : 'handled';
      store.onRequestStage((at, record) => {
        if (at === stage && record.method === 'POST' && ++posts === nth) kill();
      });
    } else if (point === 'any time') {
      poll = setTimeout(kill, random() * 700);
    } else {
      const type = point === 'intent written' ? 'intent' : 'outcome';
      poll = setInterval(() => {
        const lines = existsSync(journal) ? readFileSync(journal, 'utf8').split('\n').slice(linesBefore, -1) : [];
        if (lines.filter((line) => line.startsWith(`{"type":"${type}"`)).length >= nth) kill();
      }, 1);
    }
    const run = await done;
    store.onRequestStage(null);
    clearInterval(poll);
    if (point === 'intent written' || point === 'outcome written') tearLastRecord(journal, linesBefore, run, random);
    await new Promise((resolve) => setTimeout(resolve, WINDOW_MS)); // a new process knows nothing of the spent quota
    return run;
  }

  /**
   * Cuts the last record at a random byte, but only where a kill could have
   * cut it: an outcome (written last), or an intent whose request never left.
   */
  function tearLastRecord(journal: string, linesBefore: number, run: Run, random: () => number): void {
    if (!existsSync(journal)) return;
    const text = readFileSync(journal, 'utf8');
    if (!text.endsWith('\n')) return; // already torn for real
    const lines = text.split('\n').slice(0, -1);
    const last = lines[lines.length - 1] ?? '';
    const ours = lines.slice(linesBefore);
    const intents = ours.filter((line) => line.startsWith('{"type":"intent"')).length;
    const posts = run.requests.filter((r) => r.method === 'POST').length;
    const tearable = last.startsWith('{"type":"outcome"') || (last.startsWith('{"type":"intent"') && posts < intents);
    if (!tearable || ours.length === 0) return;
    const keep = text.length - last.length - 1 + Math.floor(random() * last.length);
    writeFileSync(journal, text.slice(0, keep));
    tornRecords += 1;
  }

  for (let seed = 1; seed <= SEEDS; seed++) {
    const point = KILL_POINTS[seed % KILL_POINTS.length]!;
    const kills = 1 + (seed % 2);
    it(`seed ${seed}: killed ${kills === 1 ? 'once' : 'twice'} (${point}), then run to the end: none lost, none twice, no request wasted`, async () => {
      const random = seededRandom(seed);
      tornRecords = 0;
      const file = `seed${seed}.bccustomers.json`;
      const customers = Array.from({ length: CUSTOMERS }, (_, i) => ({
        email: `s${seed}.c${i}@example.com`,
        first_name: 'Kill',
        last_name: `Seed ${seed} #${i}`,
      }));
      writeFileSync(join(dir, file), JSON.stringify(customers, null, 2));

      for (let k = 0; k < kills; k++) {
        const run = await killedRun(file, k === 0 ? point : KILL_POINTS[Math.floor(random() * KILL_POINTS.length)]!, random);
        assert.ok(run.signal === 'SIGKILL' || run.status === 0, `a killed run ended otherwise: ${run.status} ${run.stderr}`);
      }
      const final = await start(file, `seed${seed}.results.csv`).done;
      assert.equal(final.status, 0, final.stderr);

      // None created twice, none lost.
      const inStore = new Map<string, number[]>();
      for (const c of store.customers()) inStore.set(c.email.toLowerCase(), [...(inStore.get(c.email.toLowerCase()) ?? []), c.id]);
      for (const c of customers) assert.equal(inStore.get(c.email)?.length, 1, `${c.email} is in the store ${inStore.get(c.email)?.length ?? 0} times`);

      // Every customer is accounted for, with the id the store gave it.
      const summary = JSON.parse(final.stdout);
      const ids = new Map<number, number>();
      for (const c of summary.created) ids.set(c.index, c.id);
      for (const s of summary.skipped) {
        const id = /already created in store \w+ by an earlier send \(id (\d+)\)/.exec(s.reason)?.[1];
        assert.ok(id, `customer ${s.index} skipped: ${s.reason}`);
        ids.set(s.index, Number(id));
      }
      assert.deepEqual(summary.failed, []);
      assert.deepEqual(
        [...ids.entries()].sort((a, b) => a[0] - b[0]),
        customers.map((c, i) => [i, inStore.get(c.email)![0]]),
      );

      // Requests: the customers left need, plus one lookup per request the journal had no outcome for.
      const resuming = /resuming: (\d+) of \d+ already settled; (\d+) requests? to reconcile/.exec(final.stderr);
      const settled = Number(resuming?.[1] ?? 0);
      const interrupted = Number(resuming?.[2] ?? 0);
      seen.push({ settled, interrupted, torn: tornRecords });
      assert.equal(summary.resumed, settled);
      const lookups = final.requests.filter((r) => r.method === 'GET').length;
      const posts = final.requests.filter((r) => r.method === 'POST').length;
      assert.ok(lookups <= interrupted, `${lookups} lookups for ${interrupted} interrupted requests`);
      assert.ok(posts <= Math.ceil((CUSTOMERS - settled) / 10), `${posts} create requests for ${CUSTOMERS - settled} customers left`);
      assert.ok(!final.requests.some((r) => r.status === 429), 'the final run was told to slow down');

      // The results file has the same ids; the journal never holds the token.
      const rows = readFileSync(join(dir, `seed${seed}.results.csv`), 'utf8')
        .trim()
        .split('\n')
        .slice(1);
      assert.deepEqual(
        rows.map((row) => row.split(',').slice(0, 4)),
        customers.map((c, i) => [String(i), c.email, 'created', String(inStore.get(c.email)![0])]),
      );
      assert.ok(!readFileSync(join(dir, `${file}.journal`), 'utf8').includes(token));
    });
  }

  it('the kills left every kind of journal: partly settled, with requests to reconcile, with torn records', () => {
    assert.equal(seen.length, SEEDS);
    assert.ok(
      seen.some((s) => s.settled > 0 && s.settled < CUSTOMERS),
      'no run resumed part way',
    );
    assert.ok(seen.filter((s) => s.interrupted > 0).length >= 4, 'too few runs had a request to reconcile');
    assert.ok(seen.filter((s) => s.torn > 0).length >= 2, 'too few runs had a torn record');
  });
});
