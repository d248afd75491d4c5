// The sample files the extension-host suite opens: what the scanner finds in each (so a change to a
// fixture that breaks the suite's expectations shows up here first, in milliseconds).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { scanReferences } from '../../../src/lookup/scanner';

const DIR = join(import.meta.dirname, '..', '..', 'fixtures', 'lookup');
const read = (name: string) => readFileSync(join(DIR, name), 'utf8');

function summary(text: string, language: 'python' | 'typescript') {
  return scanReferences(text, language).map((r) => `${text.slice(r.start, r.end)} ${r.via}${r.recordIds.length ? ` [${r.recordIds.map((l) => l.value).join(',')}]` : ''}`);
}

describe('lookup fixtures', () => {
  test('model.py', () => {
    assert.deepEqual(summary(read('model.py'), 'python'), [
      'customer-profile constant',
      'arn:aws:sagemaker:us-east-1:111111111111:feature-group/customer-profile constant',
      'CUSTOMER_GROUP FeatureGroupName',
      'customer-profile FeatureGroupName [c-1001]',
      'CUSTOMER_ARN FeatureGroupName [c-1002]',
      'transactions FeatureGroup',
      'campaign-responses FeatureGroupName',
      'customer-profile FeatureGroupName [c-0000]',
    ]);
  });

  test('model.ts', () => {
    assert.deepEqual(summary(read('model.ts'), 'typescript'), [
      'transactions FeatureGroupName',
      'transactions FeatureGroupName [t-5001]',
      'arn:aws:sagemaker:us-east-1:111111111111:feature-group/product-catalog FeatureGroupName [p-1,p-2]',
    ]);
  });

  test('notebook.ipynb: one reference, in the third cell', () => {
    const notebook = JSON.parse(read('notebook.ipynb')) as { cells: { cell_type: string; source: string[] }[]; metadata: { language_info: { name: string } } };
    assert.equal(notebook.metadata.language_info.name, 'python');
    const found = notebook.cells.map((c) => (c.cell_type === 'code' ? summary(c.source.join(''), 'python') : []));
    assert.deepEqual(found, [[], [], ['product-catalog FeatureGroupName [p-1]']]);
  });
});
