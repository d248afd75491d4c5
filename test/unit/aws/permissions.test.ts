import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { accessFromPermissionName, defaultShareName } from '../../../src/aws/sharing';
import { isFeatureGroupPermissionName, strongerAccess } from '../../../src/aws/permissions';

describe('accessFromPermissionName', () => {
  test('maps every spelling AWS uses, case-insensitively', () => {
    assert.equal(accessFromPermissionName('AWSRAMPermissionSageMakerFeatureGroupReadOnly'), 'readOnly');
    assert.equal(accessFromPermissionName('AWSRAMPermissionSagemakerFeatureGroupReadWrite'), 'readWrite');
    assert.equal(accessFromPermissionName('AWSRAMPermissionSagemakerFeatureGroupAdmin'), 'admin');
    assert.equal(accessFromPermissionName('AWSRAMPermissionFeatureGroupReadOnly'), 'readOnly');
    assert.equal(accessFromPermissionName('arn:aws:ram::aws:permission/AWSRAMPERMISSIONSAGEMAKERFEATUREGROUPREADWRITE'), 'readWrite');
    assert.equal(accessFromPermissionName('AWSRAMPermissionSageMakerCatalogResourceSearch'), 'discoverOnly');
    assert.equal(accessFromPermissionName('AWSRAMDefaultPermissionSubnet'), undefined);
  });
  test('feature-group permissions are told apart from the catalog one', () => {
    assert.equal(isFeatureGroupPermissionName('AWSRAMPermissionSageMakerFeatureGroupReadOnly'), true);
    assert.equal(isFeatureGroupPermissionName('AWSRAMPermissionSageMakerCatalogResourceSearch'), false);
  });
  test('the stronger of two access levels wins', () => {
    assert.equal(strongerAccess('readOnly', 'readWrite'), 'readWrite');
    assert.equal(strongerAccess('admin', 'discoverOnly'), 'admin');
  });
});

describe('defaultShareName', () => {
  test('is <group>-share-<yyyyMMddHHmmss> in UTC', () => {
    assert.equal(defaultShareName('transactions', new Date('2025-01-02T03:04:05.678Z')), 'transactions-share-20250102030405');
  });
});
