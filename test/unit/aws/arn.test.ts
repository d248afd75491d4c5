import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { accountIdOfArn, catalogArn, featureGroupArn, featureGroupNameOf, isCatalogArn, isFeatureGroupArn, parseFeatureGroupArn } from '../../../src/aws/arn';

describe('feature group ARNs', () => {
  test('parses partition, region, account and name', () => {
    assert.deepEqual(parseFeatureGroupArn('arn:aws:sagemaker:us-east-1:111111111111:feature-group/customer-profile'), {
      partition: 'aws', region: 'us-east-1', accountId: '111111111111', name: 'customer-profile',
    });
    assert.deepEqual(parseFeatureGroupArn('arn:aws-cn:sagemaker:cn-north-1:123456789012:feature-group/fg_1'), {
      partition: 'aws-cn', region: 'cn-north-1', accountId: '123456789012', name: 'fg_1',
    });
  });
  test('refuses other resources, services, bad accounts and plain names', () => {
    for (const s of [
      'customer-profile',
      'arn:aws:sagemaker:us-east-1:111111111111:sagemaker-catalog/DefaultFeatureGroupCatalog',
      'arn:aws:s3:us-east-1:111111111111:feature-group/x',
      'arn:aws:sagemaker:us-east-1:1111:feature-group/x',
      'arn:aws:sagemaker:us-east-1:111111111111:feature-group/',
      'arn:aws:sagemaker:us-east-1:111111111111:feature-group/a/b',
      'arn:aws:sagemaker:us-east-1',
    ]) {
      assert.equal(parseFeatureGroupArn(s), undefined, s);
      assert.equal(isFeatureGroupArn(s), false, s);
    }
  });
  test('builds ARNs that parse back', () => {
    const arn = featureGroupArn('eu-west-1', '222222222222', 'campaign-responses');
    assert.equal(arn, 'arn:aws:sagemaker:eu-west-1:222222222222:feature-group/campaign-responses');
    assert.equal(parseFeatureGroupArn(arn)?.name, 'campaign-responses');
    assert.equal(featureGroupNameOf(arn), 'campaign-responses');
    assert.equal(featureGroupNameOf('plain-name'), 'plain-name');
  });
});

describe('catalog and other ARNs', () => {
  test('the default catalog ARN', () => {
    const arn = catalogArn('us-east-1', '111111111111');
    assert.equal(arn, 'arn:aws:sagemaker:us-east-1:111111111111:sagemaker-catalog/DefaultFeatureGroupCatalog');
    assert.equal(isCatalogArn(arn), true);
    assert.equal(isCatalogArn('arn:aws:sagemaker:us-east-1:111111111111:feature-group/x'), false);
  });
  test('account of share and invitation ARNs; none for AWS-managed permissions', () => {
    assert.equal(accountIdOfArn('arn:aws:ram:us-east-1:111111111111:resource-share-invitation/abc'), '111111111111');
    assert.equal(accountIdOfArn('arn:aws:ram::aws:permission/AWSRAMPermissionSageMakerFeatureGroupReadOnly'), undefined);
    assert.equal(accountIdOfArn('nonsense'), undefined);
  });
});
