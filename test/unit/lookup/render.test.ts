// What hovers and CodeLenses say, and that nothing from the data can become Markdown syntax.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { featureGroupArn } from '../../../src/aws/arn';
import type { FeatureGroupDetail } from '../../../src/aws/model';
import type { ProfileGroups } from '../../../src/lookup/directory';
import { commandUri, escapeMarkdown, hoverMarkdown, lensTitle, plainLabel, recordLensTitle, recordText, type HoverLinks } from '../../../src/lookup/render';
import { resolveFrom, type DefinitionOutcome, type RecordLookup } from '../../../src/lookup/resolver';
import type { LookupProfile } from '../../../src/lookup/source';

const REGION = 'us-east-1';
const ARN = featureGroupArn(REGION, '111111111111', 'customer-profile');

function profile(name: string): LookupProfile {
  return { name, context: { profile: { name, kind: 'static', region: REGION, endpoints: {} }, region: REGION } };
}

const summary = { name: 'customer-profile', arn: ARN, ownerAccountId: '111111111111', region: REGION };
const listings: ProfileGroups[] = [
  { profile: profile('analytics'), owned: { ok: true, value: [{ ...summary, access: 'owner' }] }, shared: { ok: true, value: [] } },
  { profile: profile('marketing'), owned: { ok: true, value: [] }, shared: { ok: true, value: [{ ...summary, access: 'readOnly' }] } },
];

const detail: FeatureGroupDetail = {
  ...summary,
  access: 'owner',
  recordIdentifierFeatureName: 'customer_id',
  eventTimeFeatureName: 'event_time',
  features: [
    { name: 'customer_id', type: 'String' },
    { name: 'event_time', type: 'String' },
    { name: 'age', type: 'Integral' },
    { name: 'lifetime_value', type: 'Fractional' },
    { name: 'segment', type: 'String' },
    { name: 'preferred_channels', type: 'String', collection: 'List' },
  ],
  onlineStoreEnabled: true,
  offlineStoreEnabled: false,
  description: 'Customer <b>profile</b> [x](command:evil)',
};

const links: HoverLinks = {
  inspect: (p, arn, id) => commandUri('featureStoreExplorer.openRecordInspector', [{ profile: p, featureGroup: arn, recordId: id }]),
  lookUp: () => commandUri('featureStoreExplorer.lookUpRecord', [{ uri: 'file:///m.py', line: 1, character: 2 }]),
};

function described(): DefinitionOutcome {
  const resolution = resolveFrom('customer-profile', listings);
  return { kind: 'described', reach: resolution.reach[0], detail };
}

/** Every Markdown link target in `md`. */
function linkTargets(md: string): string[] {
  return [...md.matchAll(/\]\(([^)\s]+)\)/g)].map((m) => m[1]);
}

describe('lens titles', () => {
  test('who reaches the group, its record identifier and (the first) features', () => {
    const title = lensTitle(resolveFrom('customer-profile', listings), described());
    assert.equal(
      title,
      '$(database) analytics (owner), marketing by ARN only (read-only) · record id customer_id · features: age, lifetime_value, segment, preferred_channels',
    );
  });

  test('a name only another account has, and a name nobody has', () => {
    const other = lensTitle(resolveFrom('customer-profile', listings.slice(1)));
    assert.match(other, /^\$\(warning\) customer-profile is not in any profile's own account \(owner 111111111111\): use its ARN · marketing by ARN only \(read-only\)$/);
    assert.equal(lensTitle(resolveFrom('nope', listings)), '$(circle-slash) No profile reaches nope');
  });

  test('long feature lists are cut after four, saying how many more', () => {
    const wide: FeatureGroupDetail = { ...detail, features: [...detail.features, ...['a', 'b', 'c'].map((name) => ({ name, type: 'String' as const }))] };
    const title = lensTitle(resolveFrom('customer-profile', listings), { kind: 'described', reach: resolveFrom('customer-profile', listings).reach[0], detail: wide });
    assert.match(title, / · features: age, lifetime_value, segment, preferred_channels, \+3 more$/);
  });

  test('data cannot add icons', () => {
    assert.equal(plainLabel('a $(zap) b\nc'), 'a $\u200b(zap) b c');
    assert.equal(recordLensTitle('$(bug)'), '$(search) Look up record "$\u200b(bug)"');
  });
});

describe('hover markdown', () => {
  test('reach table, definition and a found record with its values, lists included', () => {
    const record: RecordLookup = {
      kind: 'found',
      recordId: 'c-1001',
      profile: 'analytics',
      group: detail,
      record: { values: { customer_id: 'c-1001', age: '34', preferred_channels: ['email', 'sms'], segment: 'gold' } },
    };
    const md = hoverMarkdown({ resolution: resolveFrom('customer-profile', listings), definition: described(), records: [record] }, links);
    assert.match(md, /^\*\*customer\\-profile\*\* — feature group of account 111111111111/);
    assert.match(md, /\| analytics \| owner \| own account \|/);
    assert.match(md, /\| marketing \| read\\-only \| by ARN only \\\(owner 111111111111\\\) \|/);
    assert.match(md, /Record identifier: \*\*customer\\_id\*\* \(String\)/);
    assert.match(md, /preferred\\_channels \(List<String>\)|preferred\\_channels \(List\\<String\\>\)/);
    assert.match(md, /\*\*Record c\\-1001\*\* \(read as analytics\)/);
    // Rows follow the definition's order; a list shows as one cell.
    const rows = md.split('\n').filter((l) => /^\| (customer\\_id|age|segment|preferred\\_channels) \|/.test(l));
    assert.deepEqual(rows, ['| customer\\_id | c\\-1001 |', '| age | 34 |', '| segment | gold |', '| preferred\\_channels | \\[email, sms\\] |']);
    assert.ok(md.indexOf('**Record c\\-1001**') < md.indexOf('| Profile |'), 'the record comes before the group details');
    const targets = linkTargets(md);
    assert.equal(targets.length, 2);
    assert.ok(targets[0].startsWith('command:featureStoreExplorer.openRecordInspector?'));
    assert.deepEqual(JSON.parse(decodeURIComponent(targets[0].split('?')[1])), [{ profile: 'analytics', featureGroup: ARN, recordId: 'c-1001' }]);
    assert.ok(targets[1].startsWith('command:featureStoreExplorer.lookUpRecord?'));
  });

  test('values and names from the data stay text: no HTML, links, images or table breaks', () => {
    const evil = '<img src=x onerror=alert(1)> [click](command:workbench.action.terminal.new) ![i](http://x/y.png) `code` | cell\nnext';
    const record: RecordLookup = { kind: 'found', recordId: evil, profile: 'analytics', group: detail, record: { values: { segment: evil, [evil]: 'x' } } };
    const md = hoverMarkdown({ resolution: resolveFrom('customer-profile', listings), definition: described(), records: [record] }, links);
    assert.ok(!/(^|[^\\])</.test(md), 'every < is escaped: no raw HTML');
    assert.ok(md.includes('\\<img') && md.includes('\\<b\\>'), 'tags from values and the description show as text');
    assert.ok(!/[^\\]`/.test(md), 'every backtick is escaped');
    assert.ok(!md.includes('\nnext'), 'line breaks in values are flattened');
    for (const target of linkTargets(md)) {
      assert.match(target, /^command:featureStoreExplorer\.(openRecordInspector|lookUpRecord)\?/, `unexpected link ${target}`);
    }
    // The record id is data too: it reaches the command only as encoded JSON.
    const inspect = linkTargets(md).find((t) => t.includes('openRecordInspector'))!;
    assert.equal((JSON.parse(decodeURIComponent(inspect.split('?')[1])) as { recordId: string }[])[0].recordId, evil);
    assert.ok(!inspect.includes('(') && !inspect.includes(')'), 'parentheses are encoded so the link cannot end early');
    const valueRow = md.split('\n').find((l) => l.startsWith('| segment |'))!;
    assert.equal(valueRow.split(/(?<!\\)\|/).length, 4, 'an escaped pipe does not add a table cell');
  });

  test('a bare name only another account has explains the ARN', () => {
    const md = hoverMarkdown({ resolution: resolveFrom('customer-profile', listings.slice(1)), definition: { kind: 'unreadable' }, records: [] }, links);
    assert.match(md, /A bare name always means the caller's own account/);
    assert.ok(md.includes(escapeMarkdown(ARN)));
  });

  test('missing records and read failures are told apart', () => {
    const resolution = resolveFrom('customer-profile', listings);
    const md = hoverMarkdown(
      {
        resolution,
        definition: described(),
        records: [
          { kind: 'notFound', recordId: 'c-9', profile: 'analytics', group: detail },
          { kind: 'error', recordId: 'c-8', profile: 'analytics', message: 'Throttled. Try again.' },
        ],
      },
      links,
    );
    assert.match(md, /\*\*Record c\\-9\*\*: no record with customer\\_id c\\-9 in customer\\-profile/);
    assert.match(md, /\*\*Record c\\-8\*\*: could not be read as analytics: Throttled\\\. Try again\\\./);
  });
});

describe('the peek document of a looked-up record', () => {
  test('comment header, then the values as JSON in the definition order, unknown features last', () => {
    const text = recordText({
      profile: 'marketing',
      group: { ...detail, access: 'readOnly' },
      recordId: 'c-1001',
      record: { values: { extra: 'x', segment: 'gold', customer_id: 'c-1001', preferred_channels: ['email'] }, expiresAt: '2030-01-01T00:00:00Z' },
      readAt: new Date('2025-05-01T10:00:00.123Z'),
    });
    const [header, json] = [text.split('\n').filter((l) => l.startsWith('//')), text.split('\n').filter((l) => !l.startsWith('//')).join('\n')];
    assert.deepEqual(header, [
      '// customer-profile · record "c-1001"',
      '// read as marketing (read-only) at 2025-05-01T10:00:00Z',
      `// ${ARN}`,
      '// expires 2030-01-01T00:00:00Z',
    ]);
    assert.deepEqual(Object.keys(JSON.parse(json) as object), ['customer_id', 'segment', 'preferred_channels', 'extra']);
  });

  test('line breaks in data cannot escape the comment header', () => {
    const text = recordText({ profile: 'evil\n{"x": 1}', group: detail, recordId: 'a\u2028b\nc', record: { values: { customer_id: 'c' } }, readAt: new Date(0) });
    const lines = text.split(/\r?\n|\u2028|\u2029/);
    assert.equal(lines.filter((l) => l.startsWith('//')).length, 3);
    assert.deepEqual(JSON.parse(lines.filter((l) => !l.startsWith('//')).join('\n')), { customer_id: 'c' });
  });
});
