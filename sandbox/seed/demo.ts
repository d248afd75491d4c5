// The demo story: analytics (111111111111) owns realistic feature groups with records; marketing
// (222222222222) is in the same Organization (sharing with it not enabled yet); partner
// (333333333333) is outside. Analytics shares customer-profile (ReadOnly, accepted) and its
// catalog (accepted) with marketing, and product-catalog with partner (invitation pending).
// Built through the real handlers so the seed obeys the same rules as any client.
import { catalogArn, featureGroupArn } from '../arn';
import { Core, type Caller } from '../core';
import { acceptResourceShareInvitation } from '../ram/invitations';
import { createResourceShare } from '../ram/shares';
import { writeRecord } from '../runtime/records';
import { createFeatureGroup } from '../sagemaker/featureGroups';
import { DEFAULT_REGION as REGION } from '../constants';
import { emptyState, type State } from '../state';

export const ANALYTICS = '111111111111';
export const MARKETING = '222222222222';
export const PARTNER = '333333333333';
const ORG_ID = 'o-demo1234567';
const DAY = 86_400_000;
const PERMISSION = 'arn:aws:ram::aws:permission/AWSRAMPermissionSageMaker';

function caller(accountId: string): Caller {
  return { accountId, arn: `arn:aws:iam::${accountId}:root`, userId: accountId, region: REGION, accessKeyId: accountId };
}

const s = (FeatureName: string, ValueAsString: string) => ({ FeatureName, ValueAsString });
const l = (FeatureName: string, ValueAsStringList: string[]) => ({ FeatureName, ValueAsStringList });
const iso = (ms: number) => new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');

export function demoState(now: number): State {
  const state = emptyState();
  state.accounts[ANALYTICS] = { name: 'analytics' };
  state.accounts[MARKETING] = { name: 'marketing' };
  state.accounts[PARTNER] = { name: 'partner' };
  state.organizations.push({
    id: ORG_ID,
    arn: `arn:aws:organizations::${ANALYTICS}:organization/${ORG_ID}`,
    managementAccountId: ANALYTICS,
    accounts: [ANALYTICS, MARKETING],
    units: [{ id: 'ou-demo-mkt12345', arn: `arn:aws:organizations::${ANALYTICS}:ou/${ORG_ID}/ou-demo-mkt12345`, name: 'Marketing', accounts: [MARKETING] }],
    sharingEnabled: false,
  });
  let clock = now - 30 * DAY;
  const core = new Core(state, () => clock);
  const analytics = caller(ANALYTICS);
  const marketing = caller(MARKETING);
  const group = (who: Caller, input: Record<string, unknown>) => {
    createFeatureGroup(core, who, input);
    clock += 2 * DAY;
  };
  const put = (who: Caller, name: string, record: unknown[]) =>
    writeRecord(core, core.state.featureGroups[featureGroupArn(REGION, who.accountId, name)], { Record: record }, undefined);

  group(analytics, {
    FeatureGroupName: 'customer-profile',
    RecordIdentifierFeatureName: 'customer_id',
    EventTimeFeatureName: 'event_time',
    FeatureDefinitions: [
      { FeatureName: 'customer_id', FeatureType: 'String' },
      { FeatureName: 'event_time', FeatureType: 'String' },
      { FeatureName: 'age', FeatureType: 'Integral' },
      { FeatureName: 'lifetime_value', FeatureType: 'Fractional' },
      { FeatureName: 'segment', FeatureType: 'String' },
      { FeatureName: 'preferred_channels', FeatureType: 'String', CollectionType: 'List' },
    ],
    OnlineStoreConfig: { EnableOnlineStore: true, StorageType: 'InMemory' },
    Description: 'Customer demographics, lifetime value and segment, refreshed nightly',
    Tags: [{ Key: 'team', Value: 'analytics' }, { Key: 'domain', Value: 'customer' }],
  });
  group(analytics, {
    FeatureGroupName: 'transactions',
    RecordIdentifierFeatureName: 'transaction_id',
    EventTimeFeatureName: 'event_time',
    FeatureDefinitions: [
      { FeatureName: 'transaction_id', FeatureType: 'String' },
      { FeatureName: 'event_time', FeatureType: 'Fractional' },
      { FeatureName: 'amount', FeatureType: 'Fractional' },
      { FeatureName: 'customer_id', FeatureType: 'String' },
      { FeatureName: 'merchant_category', FeatureType: 'String' },
      { FeatureName: 'is_fraud', FeatureType: 'Integral' },
    ],
    OnlineStoreConfig: { EnableOnlineStore: true, StorageType: 'Standard', TtlDuration: { Unit: 'Days', Value: 30 } },
    OfflineStoreConfig: { S3StorageConfig: { S3Uri: 's3://analytics-feature-store/offline' } },
    RoleArn: `arn:aws:iam::${ANALYTICS}:role/FeatureStoreOfflineRole`,
    Description: 'Card transactions with fraud labels; online records expire after 30 days',
    Tags: [{ Key: 'team', Value: 'analytics' }, { Key: 'domain', Value: 'payments' }],
  });
  group(analytics, {
    FeatureGroupName: 'product-catalog',
    RecordIdentifierFeatureName: 'product_id',
    EventTimeFeatureName: 'event_time',
    FeatureDefinitions: [
      { FeatureName: 'product_id', FeatureType: 'String' },
      { FeatureName: 'event_time', FeatureType: 'String' },
      { FeatureName: 'title', FeatureType: 'String' },
      { FeatureName: 'price', FeatureType: 'Fractional' },
      { FeatureName: 'tags', FeatureType: 'String', CollectionType: 'Set' },
      { FeatureName: 'embedding', FeatureType: 'Fractional', CollectionType: 'Vector', CollectionConfig: { VectorConfig: { Dimension: 4 } } },
    ],
    OnlineStoreConfig: { EnableOnlineStore: true, StorageType: 'InMemory' },
    Description: 'Product titles, prices, tags and a 4-dimensional title embedding',
    Tags: [{ Key: 'team', Value: 'analytics' }, { Key: 'domain', Value: 'catalog' }],
  });
  group(analytics, {
    FeatureGroupName: 'churn-scores',
    RecordIdentifierFeatureName: 'customer_id',
    EventTimeFeatureName: 'event_time',
    FeatureDefinitions: [
      { FeatureName: 'customer_id', FeatureType: 'String' },
      { FeatureName: 'event_time', FeatureType: 'String' },
      { FeatureName: 'churn_probability', FeatureType: 'Fractional' },
    ],
    OnlineStoreConfig: { EnableOnlineStore: true, StorageType: 'Standard' },
    Description: 'Weekly churn model output (not populated yet)',
  });
  group(marketing, {
    FeatureGroupName: 'campaign-responses',
    RecordIdentifierFeatureName: 'response_id',
    EventTimeFeatureName: 'event_time',
    FeatureDefinitions: [
      { FeatureName: 'response_id', FeatureType: 'String' },
      { FeatureName: 'event_time', FeatureType: 'String' },
      { FeatureName: 'campaign', FeatureType: 'String' },
      { FeatureName: 'responded', FeatureType: 'Integral' },
    ],
    OnlineStoreConfig: { EnableOnlineStore: true, StorageType: 'Standard' },
    Description: 'Who responded to which campaign',
  });

  clock = now - DAY;
  const profiles: [string, number, number, string, string[]][] = [
    ['c-1001', 34, 1520.5, 'loyal', ['email', 'app']],
    ['c-1002', 27, 310.25, 'new', ['sms']],
    ['c-1003', 45, 8740, 'vip', ['email', 'phone', 'app']],
    ['c-1004', 52, 95.9, 'at-risk', ['email']],
    ['c-1005', 38, 2210.75, 'loyal', ['app', 'web']],
  ];
  profiles.forEach(([id, age, ltv, segment, channels], i) =>
    put(analytics, 'customer-profile', [s('customer_id', id), s('event_time', iso(now - (i + 1) * 3_600_000)), s('age', String(age)), s('lifetime_value', String(ltv)), s('segment', segment), l('preferred_channels', channels)]));
  const categories = ['grocery', 'travel', 'electronics', 'restaurants', 'fuel'];
  for (let i = 0; i < 10; i++) {
    put(analytics, 'transactions', [
      s('transaction_id', `t-${5001 + i}`),
      s('event_time', String(Math.floor(now / 1000) - (i + 1) * 7200)),
      s('amount', (12.5 + i * 37.25).toFixed(2)),
      s('customer_id', `c-${1001 + (i % 5)}`),
      s('merchant_category', categories[i % categories.length]),
      s('is_fraud', i === 6 ? '1' : '0'),
    ]);
  }
  const products: [string, string, number, string[], number[]][] = [
    ['p-1', 'Trail running shoes', 129.99, ['outdoor', 'footwear'], [0.12, -0.48, 0.33, 0.91]],
    ['p-2', 'Insulated water bottle', 24.5, ['outdoor', 'kitchen'], [-0.27, 0.05, 0.64, -0.18]],
    ['p-3', 'Noise-cancelling headphones', 249, ['electronics', 'audio'], [0.83, 0.21, -0.36, 0.07]],
  ];
  for (const [id, title, price, tags, embedding] of products) {
    put(analytics, 'product-catalog', [s('product_id', id), s('event_time', iso(now - DAY)), s('title', title), s('price', String(price)), l('tags', tags), l('embedding', embedding.map(String))]);
  }
  [['r-1', 'spring-sale', '1'], ['r-2', 'spring-sale', '0'], ['r-3', 'loyalty-boost', '1']].forEach(([id, campaign, responded]) =>
    put(marketing, 'campaign-responses', [s('response_id', id), s('event_time', iso(now - 2 * DAY)), s('campaign', campaign), s('responded', responded)]));

  clock = now - 12 * 3_600_000;
  share(core, analytics, marketing, 'customer-profile-for-marketing', featureGroupArn(REGION, ANALYTICS, 'customer-profile'), `${PERMISSION}FeatureGroupReadOnly`);
  share(core, analytics, marketing, 'analytics-catalog-for-marketing', catalogArn(REGION, ANALYTICS), `${PERMISSION}CatalogResourceSearch`);
  clock = now;
  createResourceShare(core, analytics, { name: 'product-catalog-for-partner', resourceArns: [featureGroupArn(REGION, ANALYTICS, 'product-catalog')], principals: [PARTNER], permissionArns: [`${PERMISSION}FeatureGroupReadOnly`] });
  return state;
}

/** Shares one resource and has the receiver accept the invitation. */
function share(core: Core, owner: Caller, receiver: Caller, name: string, resourceArn: string, permissionArn: string): void {
  const out = createResourceShare(core, owner, { name, resourceArns: [resourceArn], principals: [receiver.accountId], permissionArns: [permissionArn] }) as { resourceShare: { resourceShareArn: string } };
  const inv = Object.values(core.state.invitations).find((i) => i.resourceShareArn === out.resourceShare.resourceShareArn)!;
  acceptResourceShareInvitation(core, receiver, { resourceShareInvitationArn: inv.arn });
}
