import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { curlCommand, redactedHeaders, shellQuote } from '../../../src/core/send/curl';

/** Runs the command in a real POSIX shell with `curl` replaced by a function that prints its arguments. */
function argumentsSeenByCurl(command: string): string[] {
  const script = `curl() { for a in "$@"; do printf '%s\\0' "$a"; done; }\n${command}\n`;
  const out = execFileSync('sh', ['-c', script], { env: { PATH: process.env.PATH ?? '', BIGCOMMERCE_ACCESS_TOKEN: 'tok-from-env' } });
  return out.toString('utf8').split('\0').slice(0, -1);
}

describe('curlCommand', () => {
  const target = { apiBaseUrl: 'https://api.bigcommerce.com', storeHash: 'abc123' };

  it('reads the token from the environment and never contains one', () => {
    const command = curlCommand(target, [{ email: 'a@b.co' }]);
    assert.match(command, /-H "X-Auth-Token: \$BIGCOMMERCE_ACCESS_TOKEN"/);
    const args = argumentsSeenByCurl(command);
    assert.ok(args.includes('X-Auth-Token: tok-from-env'));
    assert.ok(args.includes('https://api.bigcommerce.com/stores/abc123/v3/customers'));
    assert.ok(args.includes('Content-Type: application/json'));
    assert.ok(args.includes('Accept: application/json'));
  });

  it("never contains a customer's password: it would end up in the clipboard and the shell history", () => {
    const batch = [{ email: 'a@b.co', authentication: { new_password: 'Secret123', force_password_reset: true } }, { email: 'c@d.co' }];
    const command = curlCommand(target, batch);
    assert.ok(!command.includes('Secret123'));
    const body = JSON.parse(argumentsSeenByCurl(command).at(-1)!);
    assert.deepEqual(body[0].authentication, { new_password: '<redacted>', force_password_reset: true });
    assert.deepEqual(body[1], { email: 'c@d.co' });
  });

  it('passes a body with quotes, dollars, backticks and newlines to curl unchanged', () => {
    const batch = [{ email: "o'brien@example.com", first_name: 'It\'s $HOME `id` "quoted" \\ !x', notes: 'line1\nline2\t€' }];
    const args = argumentsSeenByCurl(curlCommand(target, batch));
    const body = args[args.indexOf('--data-binary') + 1]!;
    assert.deepEqual(JSON.parse(body), batch);
  });

  it('quotes any text so a POSIX shell gives it back byte for byte', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme' }).filter((s) => !s.includes('\0')),
        (text) => {
          const out = execFileSync('sh', ['-c', `printf '%s' ${shellQuote(text)}`]).toString('utf8');
          return out === text;
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe('redactedHeaders', () => {
  it('lists the headers of a send with the token hidden', () => {
    const headers = redactedHeaders();
    assert.equal(headers['X-Auth-Token'], '<redacted>');
    assert.equal(headers.Accept, 'application/json');
    assert.equal(headers['Content-Type'], 'application/json');
    assert.ok(headers['User-Agent']);
  });
});
