// Tooltips render data from AWS as inert Markdown text: no HTML, links or icons can get through.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { FeatureGroupDetail, FeatureGroupSummary } from '../../../src/aws/model';
import { errorTooltip, escapeMarkdown, featureGroupTooltip, renderTooltipMarkdown } from '../../../src/tree/tooltips';

const summary: FeatureGroupSummary = {
  name: 'customer-profile',
  arn: 'arn:aws:sagemaker:us-east-1:111111111111:feature-group/customer-profile',
  ownerAccountId: '111111111111',
  region: 'us-east-1',
  status: 'Created',
  creationTime: new Date('2025-01-15T12:00:00Z'),
  access: 'readOnly',
  permissionName: 'AWSRAMPermissionSageMakerFeatureGroupReadOnly',
};

const detail: FeatureGroupDetail = {
  ...summary,
  recordIdentifierFeatureName: 'customer_id',
  eventTimeFeatureName: 'event_time',
  features: [],
  onlineStoreEnabled: true,
  offlineStoreEnabled: false,
  storageType: 'InMemory',
  description: '<img src=x onerror=alert(1)> [click](command:evil) $(zap) **bold**',
};

describe('escapeMarkdown', () => {
  test('escapes every Markdown and HTML metacharacter', () => {
    const escaped = escapeMarkdown('<b>[x](y)*_`#|$!');
    assert.equal(escaped, '\\<b\\>\\[x\\]\\(y\\)\\*\\_\\`\\#\\|\\$\\!');
  });
  test('flattens line breaks so a value cannot start a block', () => {
    assert.equal(escapeMarkdown('a\n# b'), 'a \\# b');
  });
});

describe('feature group tooltip', () => {
  test('shows status, stores, created time, description and ARN of a described group', () => {
    const md = renderTooltipMarkdown(featureGroupTooltip(summary, detail));
    assert.match(md, /\*\*Status:\*\* Created/);
    assert.match(md, /\*\*Online store:\*\* enabled, InMemory/);
    assert.match(md, /\*\*Offline store:\*\* disabled/);
    assert.match(md, /\*\*Created:\*\* 2025\\-01\\-15T12\\:00\\:00Z/);
    assert.ok(md.includes('arn\\:aws\\:sagemaker\\:us\\-east\\-1\\:111111111111\\:feature\\-group/customer\\-profile'));
    assert.match(md, /read records/, 'a shared group explains what the access allows');
  });

  test('never lets HTML, links or icons from the description through', () => {
    const md = renderTooltipMarkdown(featureGroupTooltip(summary, detail));
    assert.ok(!/(^|[^\\])</.test(md), 'every < is escaped');
    assert.ok(md.includes('\\<img src=x'), 'the text itself is kept, escaped');
    assert.ok(!md.includes('](command'), md);
    assert.ok(!md.includes('$(zap)'), md);
    assert.ok(!/[^\\]\*\*bold/.test(md), md);
  });

  test('without a describe it shows what the listing knows and skips empty rows', () => {
    const md = renderTooltipMarkdown(featureGroupTooltip({ ...summary, access: 'owner', permissionName: undefined }));
    assert.ok(!md.includes('Online store'));
    assert.ok(!md.includes('Permission'));
    assert.match(md, /Owner account/);
  });
});

describe('error tooltip', () => {
  test('names the code, the operation and the profile, and says a click retries', () => {
    const md = renderTooltipMarkdown(errorTooltip({ userMessage: 'Boom.', code: 'ECONNREFUSED', operation: 'ListFeatureGroups', profile: 'analytics' }, true));
    assert.match(md, /ECONNREFUSED/);
    assert.match(md, /ListFeatureGroups/);
    assert.match(md, /analytics/);
    assert.match(md, /Click to try again/);
  });
});
