import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { matchCreated, planInvalidAnswer } from '../../../src/core/send/answerMapping';
import { parseErrorBody } from '../../../src/core/send/serverErrors';
import type { SendItem } from '../../../src/core/send/sendTypes';

const item = (index: number, email: string): SendItem => ({ index, value: { email }, email, key: email.toLowerCase() });
const refused = (body: unknown) => parseErrorBody(422, JSON.stringify(body), body);

describe('matchCreated', () => {
  const request = [item(20, 'a@x.co'), item(21, 'B@x.co'), item(22, 'c@x.co')];

  it('matches by email whatever the order and case', () => {
    const { matches, missing } = matchCreated(request, [
      { id: 3, email: 'c@x.co' },
      { id: 1, email: 'A@X.CO' },
      { id: 2, email: 'b@x.co' },
    ]);
    assert.deepEqual(matches.map((m) => [m.item.index, m.id]).sort(), [
      [20, 1],
      [21, 2],
      [22, 3],
    ]);
    assert.deepEqual(missing, []);
  });

  it('never matches by position: a record without a usable email ties no customer', () => {
    const { matches, missing, foreign } = matchCreated(request, [{ id: 7 }, { id: 8, email: 'b@x.co' }]);
    assert.deepEqual(
      matches.map((m) => [m.item.index, m.id, m.email]),
      [[21, 8, 'b@x.co']],
    );
    assert.deepEqual(
      missing.map((m) => m.index),
      [20, 22],
    );
    assert.deepEqual(foreign, []);
  });

  it('trusts nothing of an answer that names an email the request did not send', () => {
    const { matches, missing, foreign } = matchCreated(request, [
      { id: 1, email: 'a@x.co' },
      { id: 8, email: 'changed@x.co' },
      { id: 3, email: 'c@x.co' },
    ]);
    assert.deepEqual(matches, []);
    assert.deepEqual(
      missing.map((m) => m.index),
      [20, 21, 22],
    );
    assert.deepEqual(foreign, ['changed@x.co']);
  });

  it('never maps two records to one customer, and ignores records without an id', () => {
    const { matches, missing } = matchCreated(request, [{ id: 1, email: 'a@x.co' }, { id: 2, email: 'a@x.co' }, { email: 'c@x.co' }]);
    assert.deepEqual(
      matches.map((m) => [m.item.index, m.id]),
      [[20, 1]],
    );
    assert.deepEqual(
      missing.map((m) => m.index),
      [21, 22],
    );
  });
});

describe('planInvalidAnswer', () => {
  const request = [item(10, 'a@x.co'), item(11, 'taken@example.com'), item(12, 'c@x.co')];

  it('family A: names the customer whose email is in use, case-insensitively', () => {
    const plan = planInvalidAnswer(request, refused({ errors: { '.customer_create': 'Error creating customers: email TAKEN@example.com already in use' } }));
    assert.deepEqual([...plan.emailInUse.keys()], ['taken@example.com']);
    assert.equal(plan.needSplit, false);
  });

  it('family A naming nobody we sent: split to find the culprit', () => {
    const plan = planInvalidAnswer(request, refused({ errors: { '.customer_create': 'Error creating customers: customer group 9 does not exist' } }));
    assert.equal(plan.needSplit, true);
    const single = planInvalidAnswer([request[2]!], refused({ errors: { '.customer_create': 'Error creating customers: customer group 9 does not exist' } }));
    assert.deepEqual([...single.problems.values()], [[{ path: '/12', message: 'Error creating customers: customer group 9 does not exist' }]]);
  });

  it('indexed keys point at the customer of that request, with the file index', () => {
    const plan = planInvalidAnswer(
      request,
      refused({ errors: { '1.addresses.0.country_code': 'error.minLength', '2.email': 'error.path.missing', '1.first_name': 'error.path.missing' } }),
    );
    const paths = [...plan.problems].map(([i, problems]) => [i.index, problems.map((p) => p.path)]);
    assert.deepEqual(paths, [
      [11, ['/11/addresses/0/country_code', '/11/first_name']],
      [12, ['/12/email']],
    ]);
    const [problem] = plan.problems.get(request[2]!) ?? [];
    assert.ok(problem);
    assert.match(problem.message, /^email: is required but missing/);
  });

  it('a bare field key locates the only customer, or asks for a split', () => {
    assert.equal(planInvalidAnswer(request, refused({ errors: { email: 'error.expected.jsstring' } })).needSplit, true);
    const single = planInvalidAnswer([request[0]!], refused({ errors: { email: 'error.expected.jsstring' } }));
    assert.equal([...single.problems.values()][0]![0]!.path, '/10/email');
  });

  it('keys pointing past the request are reported as unmapped', () => {
    const plan = planInvalidAnswer(request, refused({ errors: { '7.email': 'bad', 'what is this': 'odd' } }));
    assert.equal(plan.problems.size, 0);
    assert.equal(plan.unmapped.length, 2);
    assert.equal(plan.needSplit, true, 'nobody is blamed while several were sent');
  });

  it('a 422 with only a title blames nobody of several: they are sent one by one; alone, the customer is the one', () => {
    assert.equal(planInvalidAnswer(request, refused({ status: 422, title: 'Create customers failed.' })).needSplit, true);
    const single = planInvalidAnswer([request[1]!], refused({ status: 422, title: 'Create customers failed.' }));
    assert.equal(single.needSplit, false);
  });

  it('an empty errors object falls back to the title', () => {
    const plan = planInvalidAnswer(request, refused({ title: 'Email c@x.co is already in use', errors: {} }));
    assert.deepEqual([...plan.emailInUse.keys()], ['c@x.co']);
  });
});
