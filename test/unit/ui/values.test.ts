// The inspector page's value handling: table display, edit-form text and its parsing/validation.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { FeatureDefinition } from '../../../src/aws/model';
import { collectValues, displayValue, fieldProblem, inputText, parseInput } from '../../../src/webview/values';

const age: FeatureDefinition = { name: 'age', type: 'Integral' };
const ltv: FeatureDefinition = { name: 'lifetime_value', type: 'Fractional' };
const channels: FeatureDefinition = { name: 'preferred_channels', type: 'String', collection: 'List' };
const tags: FeatureDefinition = { name: 'tags', type: 'String', collection: 'Set' };
const embedding: FeatureDefinition = { name: 'embedding', type: 'Fractional', collection: 'Vector', vectorDimension: 4 };
const id: FeatureDefinition = { name: 'customer_id', type: 'String' };
const eventTime: FeatureDefinition = { name: 'event_time', type: 'String' };

const group = { features: [id, eventTime, age, channels, embedding], recordIdentifierFeatureName: 'customer_id', eventTimeFeatureName: 'event_time' };

describe('displayValue', () => {
  test('missing values say so instead of showing blank', () => {
    assert.deepEqual(displayValue(age, undefined), { kind: 'missing', text: '(not set)' });
  });
  test('numbers and text are typed', () => {
    assert.equal(displayValue(age, '42').kind, 'number');
    assert.equal(displayValue(id, 'c-1').kind, 'text');
  });
  test('lists become items, vectors a bracketed row', () => {
    assert.deepEqual(displayValue(channels, ['email', 'sms']).items, ['email', 'sms']);
    assert.equal(displayValue(channels, []).text, '(empty)');
    assert.equal(displayValue(embedding, ['0.1', '0.2', '0.3', '0.4']).text, '[0.1, 0.2, 0.3, 0.4]');
  });
});

describe('inputText and parseInput round-trip', () => {
  test('numeric collections are written unquoted and read back as strings', () => {
    const text = inputText(embedding, ['0.1', '0.2', '0.3', '0.4']);
    assert.equal(text, '[0.1, 0.2, 0.3, 0.4]');
    assert.deepEqual(parseInput(embedding, text), { kind: 'value', value: ['0.1', '0.2', '0.3', '0.4'] });
  });
  test('string collections are JSON', () => {
    const text = inputText(channels, ['email', 'push "now"']);
    assert.deepEqual(parseInput(channels, text), { kind: 'value', value: ['email', 'push "now"'] });
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
    assert.deepEqual(parseInput(tags, '[1, "b"]'), { kind: 'value', value: ['1', 'b'] });
  });
});

describe('fieldProblem uses the AWS layer checks', () => {
  test('types are enforced', () => {
    assert.match(fieldProblem(age, undefined, '4.5') ?? '', /whole number/);
    assert.equal(fieldProblem(ltv, undefined, '4.5'), undefined);
    assert.match(fieldProblem(embedding, undefined, '[1, 2]') ?? '', /exactly 4/);
    assert.match(fieldProblem(tags, undefined, '["a", "a"]') ?? '', /more than once/);
  });
  test('the record identifier and event time are required', () => {
    assert.match(fieldProblem(id, 'recordIdentifier', '') ?? '', /required/);
    assert.match(fieldProblem(eventTime, 'eventTime', '') ?? '', /required/);
    assert.match(fieldProblem(eventTime, 'eventTime', 'yesterday') ?? '', /event time/);
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
});
