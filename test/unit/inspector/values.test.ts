// The inspector page's value handling: table display, edit-form text and its parsing/validation,
// and the ids of a batch lookup. Values stay strings: nothing passes through a double.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { FeatureDefinition } from '../../../src/aws/model';
import { collectValues, displayValue, fieldProblem, inputText, parseInput, parseRecordIds, textsOf } from '../../../src/webview/values';

const age: FeatureDefinition = { name: 'age', type: 'Integral' };
const ltv: FeatureDefinition = { name: 'lifetime_value', type: 'Fractional' };
const text: FeatureDefinition = { name: 'segment', type: 'String' };
const channels: FeatureDefinition = { name: 'preferred_channels', type: 'String', collection: 'List' };
const counts: FeatureDefinition = { name: 'counts', type: 'Integral', collection: 'List' };
const tags: FeatureDefinition = { name: 'tags', type: 'String', collection: 'Set' };
const embedding: FeatureDefinition = { name: 'embedding', type: 'Fractional', collection: 'Vector', vectorDimension: 4 };
const id: FeatureDefinition = { name: 'customer_id', type: 'String' };
const eventTime: FeatureDefinition = { name: 'event_time', type: 'String' };
const epochTime: FeatureDefinition = { name: 'event_time', type: 'Fractional' };

const group = { features: [id, eventTime, age, channels, embedding], recordIdentifierFeatureName: 'customer_id', eventTimeFeatureName: 'event_time' };

describe('displayValue', () => {
  test('missing values and empty strings say so instead of showing blank', () => {
    assert.deepEqual(displayValue(age, undefined), { kind: 'missing', text: '(not set)' });
    assert.deepEqual(displayValue(text, ''), { kind: 'empty-text', text: '(empty string)' });
  });
  test('numbers keep every digit', () => {
    assert.deepEqual(displayValue(age, '9223372036854775807'), { kind: 'number', text: '9223372036854775807' });
    assert.equal(displayValue(id, 'c-1').kind, 'text');
  });
  test('lists become items; vectors are checked against their dimension', () => {
    assert.deepEqual(displayValue(channels, ['email', 'sms']).items, ['email', 'sms']);
    assert.equal(displayValue(channels, []).text, '(empty)');
    const ok = displayValue(embedding, ['0.1', '0.2', '0.3', '0.4']);
    assert.equal(ok.text, '[0.1, 0.2, 0.3, 0.4]');
    assert.equal(ok.note, '4 of 4 dimensions');
    assert.equal(ok.warning, undefined);
    const wrong = displayValue(embedding, ['0.1', '0.2']);
    assert.equal(wrong.note, '2 values, but the dimension is 4');
    assert.equal(wrong.warning, true);
  });
  test('an event time shows the other format too', () => {
    assert.equal(displayValue(eventTime, '2025-01-15T12:00:00Z', 'eventTime').note, '= 1736942400 epoch seconds');
    assert.equal(displayValue(epochTime, '1736942400.5', 'eventTime').note, '= 2025-01-15T12:00:00.5Z');
    assert.equal(displayValue(eventTime, '2025-01-15T12:00:00Z').note, undefined, 'only for the event-time feature');
  });
});

describe('inputText and parseInput round-trip', () => {
  test('numeric collections are written unquoted and read back exactly', () => {
    const t = inputText(embedding, ['0.1', '0.2', '0.3', '0.4']);
    assert.equal(t, '[0.1, 0.2, 0.3, 0.4]');
    assert.deepEqual(parseInput(embedding, t), { kind: 'value', value: ['0.1', '0.2', '0.3', '0.4'] });
  });
  test('integers above 2^53 survive a list round trip', () => {
    const big = ['9007199254740993', '-9223372036854775808'];
    assert.equal(inputText(counts, big), '[9007199254740993, -9223372036854775808]');
    assert.deepEqual(parseInput(counts, inputText(counts, big)), { kind: 'value', value: big });
    assert.deepEqual(parseInput(embedding, '[1.10, 2e3, 0, -0.5]'), { kind: 'value', value: ['1.10', '2e3', '0', '-0.5'] }, 'as written, not as a double prints it');
  });
  test('string collections are JSON', () => {
    const t = inputText(channels, ['email', 'push "now"']);
    assert.deepEqual(parseInput(channels, t), { kind: 'value', value: ['email', 'push "now"'] });
    assert.equal(inputText(counts, ['1', 'x']), '["1", "x"]', 'a list with a non-number stays quoted, so it reads back the same');
  });
  test('empty input means "leave out"', () => {
    assert.deepEqual(parseInput(age, '   '), { kind: 'empty' });
    assert.equal(inputText(age, undefined), '');
  });
  test('strings keep their spaces, numbers are trimmed', () => {
    assert.deepEqual(parseInput(id, ' c 1 '), { kind: 'value', value: ' c 1 ' });
    assert.deepEqual(parseInput(age, ' 42 '), { kind: 'value', value: '42' });
  });
  test('collections must be JSON arrays of scalars', () => {
    assert.equal(parseInput(channels, 'email, sms').kind, 'error');
    assert.equal(parseInput(channels, '"email"').kind, 'error');
    assert.equal(parseInput(channels, '[{"a":1}]').kind, 'error');
    assert.equal(parseInput(channels, '[true]').kind, 'error');
    assert.deepEqual(parseInput(tags, '[1, "b"]'), { kind: 'value', value: ['1', 'b'] });
  });
});

describe('fieldProblem uses the AWS layer checks', () => {
  test('types are enforced', () => {
    assert.match(fieldProblem(age, undefined, '4.5') ?? '', /whole number/);
    assert.match(fieldProblem(age, undefined, '9223372036854775808') ?? '', /64-bit/);
    assert.equal(fieldProblem(ltv, undefined, '4.5'), undefined);
    assert.match(fieldProblem(ltv, undefined, 'NaN') ?? '', /not a decimal number/);
    assert.match(fieldProblem(embedding, undefined, '[1, 2]') ?? '', /exactly 4/);
    assert.match(fieldProblem(tags, undefined, '["a", "a"]') ?? '', /more than once/);
  });
  test('the record identifier and event time are required; both event time formats are checked', () => {
    assert.match(fieldProblem(id, 'recordIdentifier', '') ?? '', /required/);
    assert.match(fieldProblem(eventTime, 'eventTime', '') ?? '', /required/);
    assert.match(fieldProblem(eventTime, 'eventTime', 'yesterday') ?? '', /event time/);
    assert.equal(fieldProblem(eventTime, 'eventTime', '2025-01-15T12:00:00.123456789Z'), undefined);
    assert.equal(fieldProblem(epochTime, 'eventTime', '1736942400.5'), undefined);
    assert.match(fieldProblem(epochTime, 'eventTime', '2025-01-15T12:00:00Z') ?? '', /epoch seconds/);
    assert.equal(fieldProblem(age, undefined, ''), undefined);
  });
});

describe('collectValues', () => {
  test('returns the values to send, leaving empty optional fields out', () => {
    const { values, problems } = collectValues(group, {
      customer_id: 'c-9',
      event_time: '2025-01-15T12:00:00Z',
      age: '',
      preferred_channels: '["email"]',
      embedding: '[0.1, 0.2, 0.3, 0.4]',
    });
    assert.deepEqual(problems, []);
    assert.deepEqual(values, { customer_id: 'c-9', event_time: '2025-01-15T12:00:00Z', preferred_channels: ['email'], embedding: ['0.1', '0.2', '0.3', '0.4'] });
  });
  test('reports every problem with its feature', () => {
    const { problems } = collectValues(group, { customer_id: '', event_time: 'now', age: 'old', preferred_channels: 'x', embedding: '' });
    assert.deepEqual(problems.map((p) => p.feature), ['customer_id', 'event_time', 'age', 'preferred_channels']);
  });
  test('textsOf fills the form from a record', () => {
    assert.deepEqual(textsOf([age, channels], { age: '9007199254740993', preferred_channels: ['a'] }), { age: '9007199254740993', preferred_channels: '["a"]' });
  });
});

describe('parseRecordIds', () => {
  test('one per line or comma separated, trimmed, blanks dropped, duplicates once', () => {
    assert.deepEqual(parseRecordIds(' c-1\nc-2, c-3\r\n\n c-1 \t c-4'), ['c-1', 'c-2', 'c-3', 'c-4']);
  });
  test('ids with spaces survive one per line', () => {
    assert.deepEqual(parseRecordIds('c 1/2\nc 3'), ['c 1/2', 'c 3']);
  });
  test('a JSON array, numbers kept as written', () => {
    assert.deepEqual(parseRecordIds('["a, b", 12345678901234567890, "c"]'), ['a, b', '12345678901234567890', 'c']);
  });
  test('nothing typed is no ids', () => {
    assert.deepEqual(parseRecordIds(' \n , '), []);
  });
});
