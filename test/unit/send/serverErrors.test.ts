import assert from 'node:assert/strict';
import { toPointer } from '../../../src/core/document/jsonPointer';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { emailsInMessage, explainFieldMessage, locateErrorKey, parseErrorBody } from '../../../src/core/send/serverErrors';

const parse = (status: number, body: unknown) => {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return parseErrorBody(status, text, json);
};

describe('parseErrorBody', () => {
  it('reads the usual {status,title,type,errors} shape', () => {
    const error = parse(422, {
      status: 422,
      title: 'Create customers failed.',
      type: 'https://developer.bigcommerce.com/api-docs/getting-started/api-status-codes',
      errors: { '.customer_create': 'Error creating customers: email sally@smithers.org already in use' },
    });
    assert.equal(error.title, 'Create customers failed.');
    assert.deepEqual(error.entries, [{ key: '.customer_create', message: 'Error creating customers: email sally@smithers.org already in use' }]);
    assert.equal(error.summary, 'Create customers failed: Error creating customers: email sally@smithers.org already in use');
  });

  it('keeps the key of positioned errors in the summary', () => {
    const error = parse(422, { status: 422, title: 'JSON data is missing or invalid', errors: { '0.email': 'error.path.missing' } });
    assert.equal(error.summary, 'JSON data is missing or invalid: 0.email: error.path.missing');
  });

  it('reads detail, instance, {code,message}, arrays and nested messages', () => {
    const withDetail = parse(405, {
      status: 405,
      title: 'Method Not Allowed',
      detail: 'The requested HTTP method is invalid for this endpoint.',
      instance: '/x',
    });
    assert.equal(withDetail.detail, 'The requested HTTP method is invalid for this endpoint.');
    assert.equal(withDetail.instance, '/x');
    assert.match(withDetail.summary, /Method Not Allowed: The requested HTTP method is invalid/);

    const codeMessage = parse(401, { code: 401, message: 'Unauthorized' });
    assert.equal(codeMessage.code, 401);
    assert.equal(codeMessage.summary, 'Unauthorized');

    const v2List = parse(400, [{ status: 400, message: "The field 'page' is invalid." }]);
    assert.match(v2List.summary, /The field 'page' is invalid/);

    const nested = parse(422, { errors: { '0.addresses': ['too many', 'bad'] } });
    assert.deepEqual(nested.entries, [{ key: '0.addresses', message: 'too many; bad' }]);
  });

  it('turns an HTML gateway page into its headline', () => {
    const html = '<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body><center><h1>502 Bad Gateway</h1></center></body></html>';
    const error = parseErrorBody(502, html, undefined);
    assert.equal(error.isHtml, true);
    assert.equal(error.summary, 'the store answered with a web page instead of JSON (502 Bad Gateway)');
  });

  it('copes with empty and plain-text bodies', () => {
    assert.equal(parseErrorBody(500, '', undefined).summary, "the store's answer gave no details");
    assert.equal(parseErrorBody(500, 'upstream connect error', undefined).summary, 'upstream connect error');
    assert.ok(parseErrorBody(500, 'x'.repeat(5000), undefined).summary.length < 400, 'long bodies are cut');
  });

  it('says the answer gave no details when its only text is punctuation', () => {
    assert.equal(parse(100, ':').summary, "the store's answer gave no details");
    assert.equal(parse(500, { title: '.', detail: ' : ' }).summary, "the store's answer gave no details");
  });

  it('never throws, whatever the body', () => {
    fc.assert(
      fc.property(fc.integer({ min: 100, max: 599 }), fc.jsonValue(), (status, value) => {
        const error = parse(status, value);
        return typeof error.summary === 'string' && error.summary.length > 0;
      }),
    );
  });
});

describe('locateErrorKey', () => {
  it('recognises the three families', () => {
    assert.deepEqual(locateErrorKey('.customer_create', 'm'), { family: 'create', message: 'm' });
    assert.deepEqual(locateErrorKey('0.email', 'm'), { family: 'indexed', requestIndex: 0, fieldPath: ['email'], message: 'm' });
    assert.deepEqual(locateErrorKey('3.addresses.1.country_code', 'm'), {
      family: 'indexed',
      requestIndex: 3,
      fieldPath: ['addresses', '1', 'country_code'],
      message: 'm',
    });
    assert.deepEqual(locateErrorKey('email', 'm'), { family: 'field', fieldPath: ['email'], message: 'm' });
    assert.deepEqual(locateErrorKey('4', 'm'), { family: 'indexed', requestIndex: 4, fieldPath: [], message: 'm' });
  });

  it('accepts the Play-JSON, bracket and pointer spellings', () => {
    const expected = { family: 'indexed', requestIndex: 2, fieldPath: ['addresses', '0', 'city'], message: 'm' };
    assert.deepEqual(locateErrorKey('obj[2].addresses[0].city', 'm'), expected);
    assert.deepEqual(locateErrorKey('[2].addresses[0].city', 'm'), expected);
    assert.deepEqual(locateErrorKey('/2/addresses/0/city', 'm'), expected);
  });

  it('leaves odd keys unknown', () => {
    assert.equal(locateErrorKey('', 'm').family, 'unknown');
    assert.equal(locateErrorKey('some sentence here', 'm').family, 'unknown');
  });
});

describe('jsonPointer', () => {
  it('escapes ~ and /', () => {
    assert.equal(toPointer([3, 'a/b', 'c~d']), '/3/a~1b/c~0d');
  });

  it('round-trips through the pointer spelling of a key', () => {
    fc.assert(
      fc.property(
        fc.nat(50),
        fc.array(
          fc.string({ minLength: 1 }).filter((s) => s.trim() === s && s !== ''),
          { maxLength: 4 },
        ),
        (index, fields) => {
          const location = locateErrorKey(toPointer([index, ...fields]), 'm');
          return location.family === 'indexed' && location.requestIndex === index && JSON.stringify(location.fieldPath) === JSON.stringify(fields);
        },
      ),
    );
  });
});

describe('emailsInMessage', () => {
  it("finds the email in the store's family-A text", () => {
    assert.deepEqual(emailsInMessage('Error creating customers: email sally@smithers.org already in use'), ['sally@smithers.org']);
    assert.deepEqual(emailsInMessage("email 'Fred+1@Example.com'."), ['Fred+1@Example.com']);
    assert.deepEqual(emailsInMessage('customer group 9 does not exist'), []);
  });
});

describe('explainFieldMessage', () => {
  it('adds plain words to Play codes and keeps the code', () => {
    assert.equal(explainFieldMessage('error.path.missing'), 'is required but missing (the store said: error.path.missing)');
    assert.equal(explainFieldMessage('must be a valid email'), 'must be a valid email');
  });
});
