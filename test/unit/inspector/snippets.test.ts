// "Copy as …": snippets that fetch the record by ARN with the same profile, and JSON of the values.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { copyText, pythonSnippet, typescriptSnippet, type SnippetTarget } from '../../../src/inspector/snippets';

const target: SnippetTarget = {
  profile: 'marketing',
  region: 'us-east-1',
  featureGroupName: 'customer-profile',
  featureGroupArn: 'arn:aws:sagemaker:us-east-1:111111111111:feature-group/customer-profile',
  ownerAccountId: '111111111111',
  recordId: 'c "1"\n',
};

describe('snippets', () => {
  test('Python uses the profile, the region and the ARN, with the id as an escaped literal', () => {
    const py = pythonSnippet(target);
    assert.match(py, /boto3\.Session\(profile_name="marketing", region_name="us-east-1"\)/);
    assert.match(py, /FeatureGroupName="arn:aws:sagemaker:us-east-1:111111111111:feature-group\/customer-profile",/);
    assert.ok(py.includes('RecordIdentifierValueAsString="c \\"1\\"\\n",'));
    assert.ok(!py.includes('endpoint_url'));
  });
  test('TypeScript uses SDK v3 with fromIni and the ARN', () => {
    const ts = typescriptSnippet(target);
    assert.match(ts, /import \{ GetRecordCommand, SageMakerFeatureStoreRuntimeClient \} from '@aws-sdk\/client-sagemaker-featurestore-runtime';/);
    assert.match(ts, /credentials: fromIni\(\{ profile: "marketing" \}\)/);
    assert.match(ts, /FeatureGroupName: "arn:aws:sagemaker:us-east-1:111111111111:feature-group\/customer-profile"/);
    assert.ok(!ts.includes('endpoint:'));
  });
  test('an endpoint override (the sandbox) is carried into both', () => {
    const local = { ...target, endpoint: 'http://127.0.0.1:4566' };
    assert.match(pythonSnippet(local), /client\("sagemaker-featurestore-runtime", endpoint_url="http:\/\/127\.0\.0\.1:4566"\)/);
    assert.match(typescriptSnippet(local), /endpoint: "http:\/\/127\.0\.0\.1:4566",/);
  });
  test('JSON keeps big integers exact', () => {
    const json = copyText('json', target, [{ name: 'n', type: 'Integral' }], { n: '9223372036854775807' });
    assert.equal(json, '{\n  "n": 9223372036854775807\n}\n');
  });
});
