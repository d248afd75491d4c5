// A record as JSON and back, losslessly: Integral values above 2^53 keep every digit.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { FeatureDefinition } from '../../../src/aws/model';
import { recordFromJson, recordToJson } from '../../../src/aws/recordJson';

const features: FeatureDefinition[] = [
  { name: 'id', type: 'String' },
  { name: 'event_time', type: 'Fractional' },
  { name: 'big', type: 'Integral' },
  { name: 'ratio', type: 'Fractional' },
  { name: 'note', type: 'String' },
  { name: 'tags', type: 'String', collection: 'Set' },
  { name: 'counts', type: 'Integral', collection: 'List' },
  { name: 'vec', type: 'Fractional', collection: 'Vector', vectorDimension: 2 },
];

describe('recordToJson', () => {
  test('numbers are bare, strings quoted, definition order', () => {
    const json = recordToJson(features, { note: '42', big: '9223372036854775807', id: 'a"b', event_time: '1736942400.123456789', vec: ['0.1', '1e-7'], counts: ['9007199254740993'], tags: [] });
    assert.equal(
      json,
      '{\n  "id": "a\\"b",\n  "event_time": 1736942400.123456789,\n  "big": 9223372036854775807,\n  "note": "42",\n  "tags": [],\n  "counts": [\n    9007199254740993\n  ],\n  "vec": [\n    0.1,\n    1e-7\n  ]\n}',
    );
  });
  test('a numeric feature whose text is not a JSON number stays a string (so nothing is lost)', () => {
    assert.match(recordToJson(features, { big: '+5', ratio: '.5' }), /"big": "\+5",\n {2}"ratio": ".5"/);
  });
  test('unknown features are kept at the end', () => {
    assert.match(recordToJson(features, { zzz: 'x', id: 'a' }), /"id": "a",\n {2}"zzz": "x"/);
  });
});

describe('recordFromJson', () => {
  test('round-trips every value exactly', () => {
    const values = { id: 'c-1', event_time: '1736942400.123456789', big: '-9223372036854775808', ratio: '0.30000000000000004', note: '', tags: ['a', 'b'], counts: ['1', '9007199254740993'], vec: ['0.1', '2'] };
    assert.deepEqual(recordFromJson(recordToJson(features, values)), { values, problems: [] });
  });
  test('numbers may be given as strings and are taken as written', () => {
    assert.deepEqual(recordFromJson('{"big": "12", "ratio": 1.50}').values, { big: '12', ratio: '1.50' });
  });
  test('null leaves a feature out', () => {
    assert.deepEqual(recordFromJson('{"id": "x", "note": null}').values, { id: 'x' });
  });
  test('bad JSON, non-objects, booleans, nested objects and duplicates are problems', () => {
    assert.match(recordFromJson('{"id": ').problems[0].message, /not valid JSON/);
    assert.match(recordFromJson('[1, 2]').problems[0].message, /must be a JSON object/);
    assert.deepEqual(recordFromJson('{"flag": true, "obj": {"a": 1}, "list": [1, [2]]}').problems.map((p) => p.feature), ['flag', 'obj', 'list']);
    assert.match(recordFromJson('{"id": "a", "id": "b"}').problems[0].message, /more than once/);
  });
});
