// Default share names say what is shared with whom, short enough for the tree.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { isFeatureStoreResource, shareNameFor } from '../../../src/aws/sharing';

describe('shareNameFor', () => {
  test('what, for whom', () => {
    assert.equal(shareNameFor(['transactions'], ['222222222222']), 'transactions-for-222222222222');
    assert.equal(shareNameFor(['transactions', 'churn-scores', 'x'], ['222222222222', '333333333333']), 'transactions-and-2-more-for-222222222222-and-1-more');
    assert.equal(shareNameFor(['catalog'], ['arn:aws:organizations::111111111111:ou/o-demo1234567/ou-demo-mkt12345']), 'catalog-for-ou-demo-mkt12345');
    assert.equal(shareNameFor(['catalog'], ['arn:aws:organizations::111111111111:organization/o-demo1234567']), 'catalog-for-o-demo1234567');
    assert.equal(shareNameFor(['customer-profile'], ['arn:aws:iam::222222222222:role/team/Analyst']), 'customer-profile-for-Analyst');
  });
});

describe('isFeatureStoreResource', () => {
  test('feature groups and the catalog, nothing else', () => {
    assert.equal(isFeatureStoreResource('arn:aws:sagemaker:us-east-1:111111111111:feature-group/transactions'), true);
    assert.equal(isFeatureStoreResource('arn:aws:sagemaker:us-east-1:111111111111:sagemaker-catalog/DefaultFeatureGroupCatalog'), true);
    assert.equal(isFeatureStoreResource('arn:aws:ec2:us-east-1:111111111111:subnet/subnet-1'), false);
  });
});
