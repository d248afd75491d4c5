import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { parseAccountIdList, validateAccountId, validateRecordId } from '../../../src/aws/validation';

describe('validateAccountId', () => {
  test('accepts exactly 12 digits, trimmed', () => {
    assert.equal(validateAccountId('222222222222'), undefined);
    assert.equal(validateAccountId(' 012345678901 '), undefined);
  });
  test('names the digit count when it is wrong', () => {
    assert.match(validateAccountId('22222222222') ?? '', /11 digits/);
    assert.match(validateAccountId('2222222222222') ?? '', /13 digits/);
  });
  test('refuses letters, dashes and empty input', () => {
    assert.match(validateAccountId('2222-2222-2222') ?? '', /exactly 12 digits/);
    assert.match(validateAccountId('abcdefghijkl') ?? '', /exactly 12 digits/);
    assert.match(validateAccountId('') ?? '', /Enter a 12-digit/);
  });
  test("refuses the caller's own account", () => {
    assert.equal(validateAccountId('111111111111', '111111111111'), '111111111111 is your own account: share with another account.');
    assert.equal(validateAccountId('222222222222', '111111111111'), undefined);
  });
});

describe('parseAccountIdList', () => {
  test('splits on commas, semicolons and whitespace, de-duplicated in order', () => {
    assert.deepEqual(parseAccountIdList('222222222222, 333333333333;222222222222\n444444444444'), {
      ids: ['222222222222', '333333333333', '444444444444'],
    });
  });
  test('refuses an empty selection', () => {
    const r = parseAccountIdList(' ,  ');
    assert.deepEqual(r.ids, []);
    assert.match(r.error ?? '', /at least one/);
  });
  test('reports the first bad id', () => {
    assert.match(parseAccountIdList('222222222222 12345').error ?? '', /"12345" has 5 digits/);
  });
  test('reports the own account inside a list', () => {
    assert.match(parseAccountIdList('222222222222,111111111111', '111111111111').error ?? '', /your own account/);
  });
});

describe('validateRecordId', () => {
  test('needs a non-blank value', () => {
    assert.match(validateRecordId('') ?? '', /Enter a record identifier/);
    assert.match(validateRecordId('  ') ?? '', /only blanks/);
    assert.equal(validateRecordId('c-1001'), undefined);
    assert.equal(validateRecordId('c 1/2'), undefined);
  });
});
