// The reference scanner: what counts as a feature-group reference in Python, notebooks' code and
// TypeScript/JavaScript, and what does not (comments, docstrings, computed names).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { completionSiteAt, referenceAt, scanReferences, type FeatureGroupReference, type LookupLanguage } from '../../../src/lookup/scanner';

const ARN = 'arn:aws:sagemaker:us-east-1:111111111111:feature-group/customer-profile';

/** The parts a test cares about, with the text each range covers (so offsets are checked too). */
function brief(text: string, refs: FeatureGroupReference[]) {
  return refs.map((r) => ({
    target: r.target,
    at: text.slice(r.start, r.end),
    via: r.via,
    isArn: r.isArn,
    recordIds: r.recordIds.map((l) => l.value),
    featureNames: r.featureNames.map((l) => l.value),
    ...(r.constantName ? { constant: r.constantName } : {}),
  }));
}

function scan(text: string, language: LookupLanguage = 'python') {
  const refs = scanReferences(text, language);
  for (const r of refs) {
    // The literal range always covers exactly the value: a quick fix replaces it.
    assert.equal(text.slice(r.literal.start, r.literal.end), r.target, `literal range of ${r.target}`);
  }
  return brief(text, refs);
}

describe('python (boto3 and the SageMaker Python SDK)', () => {
  test('FeatureGroupName keyword argument', () => {
    const text = 'runtime.describe_feature_group(FeatureGroupName="customer-profile")\n';
    assert.deepEqual(scan(text), [
      { target: 'customer-profile', at: 'customer-profile', via: 'FeatureGroupName', isArn: false, recordIds: [], featureNames: [] },
    ]);
  });

  test('get_record with a literal record id, single quotes', () => {
    const text = "rec = runtime.get_record(FeatureGroupName='transactions', RecordIdentifierValueAsString='t-5001')";
    assert.deepEqual(scan(text), [
      { target: 'transactions', at: 'transactions', via: 'FeatureGroupName', isArn: false, recordIds: ['t-5001'], featureNames: [] },
    ]);
  });

  test('get_record spread over lines with FeatureNames', () => {
    const text = [
      'record = featurestore_runtime.get_record(',
      '    FeatureGroupName="customer-profile",',
      '    RecordIdentifierValueAsString="c-1001",',
      '    FeatureNames=["age", "segment"],  # only these two',
      ')',
    ].join('\n');
    assert.deepEqual(scan(text), [
      { target: 'customer-profile', at: 'customer-profile', via: 'FeatureGroupName', isArn: false, recordIds: ['c-1001'], featureNames: ['age', 'segment'] },
    ]);
  });

  test('FeatureGroup(name=...) and FeatureGroup("...") positional', () => {
    const text = [
      'fg = FeatureGroup(name="customer-profile", sagemaker_session=session)',
      'other = FeatureGroup("transactions", session)',
      'x = FeatureGroup(sagemaker_session=session, name="churn-scores")',
    ].join('\n');
    assert.deepEqual(
      scan(text).map((r) => [r.target, r.via]),
      [
        ['customer-profile', 'FeatureGroup'],
        ['transactions', 'FeatureGroup'],
        ['churn-scores', 'FeatureGroup'],
      ],
    );
  });

  test('a record id in a method chained to FeatureGroup(...)', () => {
    const text = 'FeatureGroup(name="customer-profile", sagemaker_session=s).get_record(record_identifier_value_as_string="c-1002", feature_names=["age"])';
    assert.deepEqual(scan(text), [
      { target: 'customer-profile', at: 'customer-profile', via: 'FeatureGroup', isArn: false, recordIds: ['c-1002'], featureNames: ['age'] },
    ]);
  });

  test('ARNs are references too, marked as such', () => {
    const text = `runtime.get_record(FeatureGroupName="${ARN}", RecordIdentifierValueAsString="c-1001")`;
    const [ref] = scan(text);
    assert.equal(ref.target, ARN);
    assert.equal(ref.isArn, true);
    assert.deepEqual(ref.recordIds, ['c-1001']);
  });

  test('batch_get_record dicts: one reference per identifier entry, with its id list', () => {
    const text = [
      'runtime.batch_get_record(Identifiers=[',
      '    {"FeatureGroupName": "customer-profile", "RecordIdentifiersValueAsString": ["c-1001", "c-1002"], "FeatureNames": ["age"]},',
      "    {'FeatureGroupName': 'transactions', 'RecordIdentifiersValueAsString': ['t-5001']},",
      '])',
    ].join('\n');
    assert.deepEqual(
      scan(text).map((r) => [r.target, r.recordIds, r.featureNames]),
      [
        ['customer-profile', ['c-1001', 'c-1002'], ['age']],
        ['transactions', ['t-5001'], []],
      ],
    );
  });

  test('a module constant assigned once and passed as FeatureGroupName: the use and the definition', () => {
    const text = [
      'FEATURE_GROUP = "customer-profile"',
      'UNUSED = "transactions"',
      '',
      'def load(cid):',
      '    return runtime.get_record(FeatureGroupName=FEATURE_GROUP, RecordIdentifierValueAsString="c-1003")',
    ].join('\n');
    const refs = scan(text);
    assert.deepEqual(refs, [
      { target: 'customer-profile', at: 'customer-profile', via: 'constant', isArn: false, recordIds: [], featureNames: [], constant: 'FEATURE_GROUP' },
      { target: 'customer-profile', at: 'FEATURE_GROUP', via: 'FeatureGroupName', isArn: false, recordIds: ['c-1003'], featureNames: [], constant: 'FEATURE_GROUP' },
    ]);
  });

  test('computed names are not references: variables, f-strings, concatenation, attributes, reassigned names', () => {
    const text = [
      'runtime.get_record(FeatureGroupName=group_name, RecordIdentifierValueAsString="c-1")',
      'runtime.get_record(FeatureGroupName=f"{env}-customers", RecordIdentifierValueAsString="c-1")',
      'runtime.get_record(FeatureGroupName="customer-" + env)',
      'runtime.get_record(FeatureGroupName=settings.GROUP)',
      'runtime.get_record(FeatureGroupName="a" "b")',
      'NAME = "customer-profile"',
      'NAME = "transactions"',
      'runtime.get_record(FeatureGroupName=NAME)',
      'COMPUTED = "customer-" + suffix',
      'runtime.get_record(FeatureGroupName=COMPUTED)',
      'FeatureGroup(name=NAME)',
    ].join('\n');
    assert.deepEqual(scan(text), []);
  });

  test('comments, docstrings and other strings never count', () => {
    const text = [
      '"""Reads customer-profile.',
      '',
      '    runtime.get_record(FeatureGroupName="customer-profile", RecordIdentifierValueAsString="c-1001")',
      '"""',
      '# runtime.get_record(FeatureGroupName="transactions")',
      'print("FeatureGroupName=\'product-catalog\'")',
      "msg = 'it\\'s FeatureGroupName=\"churn-scores\"'",
      'runtime.get_record(FeatureGroupName="campaign-responses")  # FeatureGroupName="nope"',
    ].join('\n');
    assert.deepEqual(scan(text).map((r) => r.target), ['campaign-responses']);
  });

  test('string prefixes: raw strings count, bytes and f-strings with fields do not', () => {
    const text = [
      'a(FeatureGroupName=r"customer-profile")',
      'b(FeatureGroupName=b"transactions")',
      'c(FeatureGroupName=f"{x}")',
      "d(FeatureGroupName=F'churn-scores')",
    ].join('\n');
    assert.deepEqual(scan(text).map((r) => r.target), ['customer-profile', 'churn-scores']);
  });

  test('text that is not a feature group name is ignored, and so are look-alikes that are not arguments', () => {
    const text = [
      'a(FeatureGroupName="not a name!")',
      'b(FeatureGroupName="")',
      'c(FeatureGroupName="-leading-dash")',
      'FeatureGroupName = "customer-profile"',
      'if FeatureGroupName == "transactions": pass',
      'd(FeatureGroupName="arn:aws:s3:::bucket/key")',
    ].join('\n');
    assert.deepEqual(scan(text), []);
  });

  test('unbalanced code being typed does not hide later references', () => {
    const text = ['x = foo(bar]', 'runtime.get_record(FeatureGroupName="customer-profile")'].join('\n');
    assert.deepEqual(scan(text).map((r) => r.target), ['customer-profile']);
  });
});

describe('typescript and javascript', () => {
  test('JS SDK v3 command input with a record id', () => {
    const text = 'await client.send(new GetRecordCommand({ FeatureGroupName: "customer-profile", RecordIdentifierValueAsString: "c-1" }));';
    assert.deepEqual(scan(text, 'typescript'), [
      { target: 'customer-profile', at: 'customer-profile', via: 'FeatureGroupName', isArn: false, recordIds: ['c-1'], featureNames: [] },
    ]);
  });

  test('quoted keys, single quotes, plain template literals and FeatureNames', () => {
    const text = [
      `const input = { 'FeatureGroupName': '${ARN}', "RecordIdentifierValueAsString": \`c-1004\`, FeatureNames: ['age', "segment"] };`,
      'const put = new PutRecordCommand({ FeatureGroupName: `transactions`, Record: [] });',
    ].join('\n');
    assert.deepEqual(
      scan(text, 'typescript').map((r) => [r.target, r.isArn, r.recordIds, r.featureNames]),
      [
        [ARN, true, ['c-1004'], ['age', 'segment']],
        ['transactions', false, [], []],
      ],
    );
  });

  test('const constants (with or without a type) used as FeatureGroupName', () => {
    const text = [
      'export const GROUP = "customer-profile";',
      'const OTHER: string = "transactions";',
      'let changing = "churn-scores";',
      'changing = "product-catalog";',
      'send(new GetRecordCommand({ FeatureGroupName: GROUP, RecordIdentifierValueAsString: "c-1" }));',
      'send(new GetRecordCommand({ FeatureGroupName: OTHER }));',
      'send(new GetRecordCommand({ FeatureGroupName: changing }));',
    ].join('\n');
    assert.deepEqual(
      scan(text, 'typescript').map((r) => [r.at, r.via, r.target]),
      [
        ['customer-profile', 'constant', 'customer-profile'],
        ['transactions', 'constant', 'transactions'],
        ['GROUP', 'FeatureGroupName', 'customer-profile'],
        ['OTHER', 'FeatureGroupName', 'transactions'],
      ],
    );
  });

  test('templates with fields, comments and regular expressions are skipped', () => {
    const text = [
      '// send(new GetRecordCommand({ FeatureGroupName: "customer-profile" }));',
      '/* { FeatureGroupName: "transactions" } */',
      'const quote = /"/g; const other = a / b / c;',
      'send(new GetRecordCommand({ FeatureGroupName: `${env}-customers` }));',
      'const s = "{ FeatureGroupName: \\"product-catalog\\" }";',
      'send(new GetRecordCommand({ FeatureGroupName: "churn-scores" }));',
    ].join('\n');
    assert.deepEqual(scan(text, 'javascript').map((r) => r.target), ['churn-scores']);
  });

  test('a reference inside a template field is still found', () => {
    const text = 'log(`read ${describe({ FeatureGroupName: "customer-profile" })} now`);';
    assert.deepEqual(scan(text, 'typescript').map((r) => r.target), ['customer-profile']);
  });

  test('python keyword syntax means nothing in TypeScript', () => {
    assert.deepEqual(scan('f(FeatureGroupName="customer-profile")', 'typescript'), []);
  });
});

describe('completion sites', () => {
  function siteAt(textWithCursor: string, language: LookupLanguage = 'python') {
    const offset = textWithCursor.indexOf('|');
    const text = textWithCursor.replace('|', '');
    return { site: completionSiteAt(text, offset, language), text };
  }

  test('inside a FeatureGroupName string: replace the whole value, typed part known', () => {
    const { site, text } = siteAt('runtime.get_record(FeatureGroupName="cust|omer", RecordIdentifierValueAsString="c-1")');
    assert.equal(site?.kind, 'featureGroup');
    assert.equal(site.typed, 'cust');
    assert.equal(text.slice(site.start, site.end), 'customer');
  });

  test('an empty string being typed, even unterminated at the end of the file', () => {
    assert.equal(siteAt('runtime.get_record(FeatureGroupName="|")').site?.kind, 'featureGroup');
    const { site } = siteAt('runtime.get_record(FeatureGroupName="tra|');
    assert.equal(site?.kind, 'featureGroup');
    assert.equal(site.typed, 'tra');
  });

  test('TypeScript object property and FeatureGroup(name=...)', () => {
    assert.equal(siteAt('new GetRecordCommand({ FeatureGroupName: "|" })', 'typescript').site?.kind, 'featureGroup');
    assert.equal(siteAt('FeatureGroup(name="c|", sagemaker_session=s)').site?.kind, 'featureGroup');
    assert.equal(siteAt('FeatureGroup("|")').site?.kind, 'featureGroup');
  });

  test('a FeatureNames list knows its group and the names already there', () => {
    const { site } = siteAt('runtime.get_record(FeatureGroupName="customer-profile", RecordIdentifierValueAsString="c-1", FeatureNames=["age", "|"])');
    assert.equal(site?.kind, 'featureName');
    assert.equal(site.group?.target, 'customer-profile');
    assert.deepEqual(site.present, ['age']);
  });

  test('a FeatureNames list in TypeScript, and in a chained SageMaker SDK call', () => {
    const ts = siteAt('new GetRecordCommand({ FeatureNames: ["|"], FeatureGroupName: "transactions" })', 'typescript').site;
    assert.equal(ts?.kind === 'featureName' && ts.group?.target, 'transactions');
    const py = siteAt('FeatureGroup(name="product-catalog").get_record(record_identifier_value_as_string="p-1", feature_names=["ti|"])').site;
    assert.equal(py?.kind === 'featureName' && py.group?.target, 'product-catalog');
  });

  test('nowhere else: other strings, comments, f-strings, code', () => {
    assert.equal(siteAt('print("cust|")').site, undefined);
    assert.equal(siteAt('# get_record(FeatureGroupName="cu|")').site, undefined);
    assert.equal(siteAt('get_record(FeatureGroupName=f"{env}-|")').site, undefined);
    assert.equal(siteAt('get_record(FeatureGroupName=gro|up)').site, undefined);
  });
});

describe('the reference under the cursor', () => {
  const text = [
    'a = runtime.get_record(',
    '    FeatureGroupName="customer-profile",',
    '    RecordIdentifierValueAsString="c-1001",',
    ')',
    'b = runtime.get_record(FeatureGroupName="transactions", RecordIdentifierValueAsString="t-5001")',
    'print("nothing here")',
  ].join('\n');
  const refs = scanReferences(text, 'python');

  test('on the name itself, on another argument of the call, on the callee', () => {
    assert.equal(referenceAt(refs, text.indexOf('omer-profile'), text)?.target, 'customer-profile');
    assert.equal(referenceAt(refs, text.indexOf('c-1001'), text)?.target, 'customer-profile');
    assert.equal(referenceAt(refs, text.indexOf('get_record'), text)?.target, 'customer-profile');
    assert.equal(referenceAt(refs, text.indexOf('t-5001'), text)?.target, 'transactions');
  });

  test('on the same line, before the call; nothing elsewhere', () => {
    assert.equal(referenceAt(refs, text.indexOf('b = '), text)?.target, 'transactions');
    assert.equal(referenceAt(refs, text.indexOf('nothing'), text), undefined);
  });
});
