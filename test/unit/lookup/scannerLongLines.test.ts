// Long single lines (generated or minified code) are scanned in one linear pass with the same
// results as short ones, and documents past the size cap are skipped with a reason. No timing
// assertions here: `npm run bench:lookup` prints how long such scans take.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { completionSiteAt, MAX_SCANNED_LENGTH, scanReferences, scanSkipReason } from '../../../src/lookup/scanner';

describe('long lines', () => {
  test('a 450 KB Python line of statements still yields its references and constants', () => {
    const filler = 'x = "s"; '.repeat(50_000);
    const text = `G = "transactions"\n${filler}runtime.get_record(FeatureGroupName="customer-profile", RecordIdentifierValueAsString="c-1001"); y = G\n` +
      `${'a=b '.repeat(100_000)}\nruntime.get_record(FeatureGroupName=G)\n`;
    assert.ok(text.length > 850_000);
    const refs = scanReferences(text, 'python');
    assert.deepEqual(refs.map((r) => [r.target, r.via, r.recordIds.map((l) => l.value)]), [
      ['transactions', 'constant', []],
      ['customer-profile', 'FeatureGroupName', ['c-1001']],
      ['transactions', 'FeatureGroupName', []],
    ]);
    const direct = refs[1];
    assert.equal(text.slice(direct.start, direct.end), 'customer-profile');
    assert.equal(direct.start, text.indexOf('"customer-profile"') + 1);
  });

  test('only an assignment at the start of its line defines a constant, however long the line', () => {
    // `G = ...` after other statements on the same line is not a module-level constant definition.
    const text = `${'a=b '.repeat(50_000)}G = "transactions"\nruntime.get_record(FeatureGroupName=G)\n`;
    assert.deepEqual(scanReferences(text, 'python'), []);
    const indented = `\t  G = "transactions"\nruntime.get_record(FeatureGroupName=G)\n`;
    assert.deepEqual(scanReferences(indented, 'python').map((r) => r.via), ['constant', 'FeatureGroupName']);
  });

  test('unbalanced brackets on one huge line are tolerated', () => {
    const text = `${'('.repeat(50_000)}${']'.repeat(50_000)}\nclient.send(new GetRecordCommand({ FeatureGroupName: "customer-profile" }))\n`;
    const refs = scanReferences(text, 'typescript');
    assert.deepEqual(refs.map((r) => r.target), ['customer-profile']);
    const many = `f(${'FeatureGroupName="customer-profile", '.repeat(20_000)}RecordIdentifierValueAsString="c-1")`;
    const manyRefs = scanReferences(many, 'python');
    assert.equal(manyRefs.length, 20_000);
    assert.deepEqual(manyRefs[19_999].recordIds.map((l) => l.value), ['c-1']);
  });
});

describe('size cap', () => {
  test('documents up to the cap are scanned; larger ones are skipped with a reason', () => {
    assert.equal(scanSkipReason(MAX_SCANNED_LENGTH), undefined);
    assert.equal(scanSkipReason(10_000), undefined);
    assert.match(scanSkipReason(MAX_SCANNED_LENGTH + 1) ?? '', /more than the 2 MB the inline lookup scans/);
    assert.match(scanSkipReason(5 * 1024 * 1024) ?? '', /5\.0 million characters/);
  });
  test('completions stay out of documents past the cap', () => {
    const head = 'runtime.get_record(FeatureGroupName="cus';
    assert.equal(completionSiteAt(head, head.length, 'python')?.kind, 'featureGroup');
    const huge = `${head}")\n${'#'.repeat(MAX_SCANNED_LENGTH)}`;
    assert.equal(completionSiteAt(huge, head.length, 'python'), undefined);
  });
});
