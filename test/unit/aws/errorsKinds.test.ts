// Each failure names its cause and the next step: its kind (what the tree offers), whether it is the
// whole profile's, and the IAM action that was missing when access was denied.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { CredentialsProviderError } from '@smithy/core/config';
import { AwsCallError, iamActionOf, isProfileWide, nextStepsFor, toAwsCallError, type ErrorKind } from '../../../src/aws/errors';

const ctx = { profile: 'dev', operation: 'ListFeatureGroups' };

function serviceError(name: string, message = 'm', status = 400) {
  return Object.assign(new Error(message), { name, $fault: 'client', $metadata: { httpStatusCode: status } });
}

describe('kinds and next steps', () => {
  const cases: [string, unknown, ErrorKind, string[], boolean][] = [
    ['no credentials', new CredentialsProviderError('Could not resolve credentials using profile: [dev] in configuration/credentials file(s).'), 'noCredentials', ['openConfig'], true],
    ['SSO token missing', new CredentialsProviderError("The SSO session token associated with profile=dev was not found or is invalid. To refresh this SSO session run 'aws sso login' with the corresponding profile."), 'ssoLogin', ['ssoLogin'], true],
    ['SSO token expired', new CredentialsProviderError('The SSO session associated with this profile has expired. To refresh this SSO session run aws sso login with the corresponding profile.'), 'ssoLogin', ['ssoLogin'], true],
    ['SSO settings incomplete', new CredentialsProviderError('Profile is configured with invalid SSO credentials. Required parameters "sso_account_id"'), 'ssoConfig', ['openConfig'], true],
    ['MFA not given', new CredentialsProviderError('No MFA code was entered for profile dev.'), 'mfa', [], true],
    ['credential_process', new CredentialsProviderError('credential_process failed: Command failed: /bin/x'), 'credentialProcess', ['openConfig'], true],
    ['credentials timeout', Object.assign(new Error('Getting credentials for profile dev (sso) took longer than 30 seconds.'), { name: 'CredentialsTimeout' }), 'credentialsTimeout', [], true],
    ['expired session', serviceError('ExpiredTokenException'), 'credentialsRejected', [], true],
    ['unknown key', serviceError('InvalidClientTokenId', 'bad', 403), 'credentialsRejected', [], true],
    ['refused connection', Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:9'), { code: 'ECONNREFUSED' }), 'unreachable', ['openConfig'], true],
    ['timeout', Object.assign(new Error('socket timeout'), { name: 'TimeoutError' }), 'unreachable', ['openConfig'], true],
    ['throttled', serviceError('ThrottlingException'), 'throttled', [], false],
    ['access denied', serviceError('AccessDeniedException'), 'accessDenied', [], false],
    ['internal error', serviceError('Error', 'boom', 503), 'internal', [], false],
    ['not found', serviceError('ResourceNotFound'), 'notFound', [], false],
  ];
  for (const [what, err, kind, steps, wide] of cases) {
    test(what, () => {
      const e = toAwsCallError(err, ctx);
      assert.equal(e.kind, kind);
      assert.deepEqual(nextStepsFor(e.kind), steps);
      assert.equal(isProfileWide(e.kind), wide);
    });
  }

  test('a profile named like a cause does not change the kind', () => {
    const e = toAwsCallError(new CredentialsProviderError('Could not resolve credentials using profile: [sso-mfa-process]'), { profile: 'sso-mfa-process', operation: 'X' });
    assert.equal(e.kind, 'noCredentials');
  });

  test('errors built elsewhere get a kind from their code', () => {
    assert.equal(new AwsCallError({ code: 'ThrottlingException', operation: 'X', profile: 'p', userMessage: 'u' }).kind, 'throttled');
    assert.equal(new AwsCallError({ code: 'CatalogNotFound', operation: 'X', profile: 'p', userMessage: 'u' }).kind, 'other');
  });
});

describe('sentences', () => {
  test('access denied names the missing IAM action, from the message when AWS gives it', () => {
    const named = toAwsCallError(serviceError('AccessDeniedException', 'User: arn:aws:iam::1:user/u is not authorized to perform: sagemaker:Search on resource: *'), { profile: 'p', operation: 'Search' });
    assert.match(named.userMessage, /^Profile p may not Search: AWS denied access\. Check the IAM permissions of the profile's identity: it needs sagemaker:Search/);
    const derived = toAwsCallError(serviceError('AccessDeniedException'), { profile: 'p', operation: 'GetResourceShareInvitations' });
    assert.match(derived.userMessage, /it needs ram:GetResourceShareInvitations/);
  });

  test('iamActionOf: service prefix by operation', () => {
    assert.equal(iamActionOf('ListFeatureGroups', ''), 'sagemaker:ListFeatureGroups');
    assert.equal(iamActionOf('GetRecord', ''), 'sagemaker:GetRecord');
    assert.equal(iamActionOf('ListResources', ''), 'ram:ListResources');
    assert.equal(iamActionOf('ListResourceSharePermissions', ''), 'ram:ListResourceSharePermissions');
    assert.equal(iamActionOf('DescribeFeatureMetadata', ''), 'sagemaker:DescribeFeatureMetadata');
    assert.equal(iamActionOf('GetCallerIdentity', ''), 'sts:GetCallerIdentity');
    assert.equal(iamActionOf('X', 'not authorized to perform: ram:AcceptResourceShareInvitation on'), 'ram:AcceptResourceShareInvitation');
  });

  test('a credentials timeout says what may hang and how to check', () => {
    const e = toAwsCallError(Object.assign(new Error('Getting credentials for profile dev (credentialProcess) took longer than 30 seconds.'), { name: 'CredentialsTimeout' }), ctx);
    assert.equal(e.code, 'CredentialsTimeout');
    assert.equal(e.userMessage, 'Getting credentials for profile dev (credentialProcess) took longer than 30 seconds: its credential_process, SSO or role chain did not finish. Check the profile (run the command by hand, or `aws sts get-caller-identity --profile dev`), then retry.');
  });

  test('a credential_process failure shows its first line only', () => {
    const e = toAwsCallError(new CredentialsProviderError('credential_process failed: Command failed: /bin/x\nsecret stuff on stderr'), ctx);
    assert.equal(e.userMessage, 'The credential_process of profile dev failed (credential_process failed: Command failed: /bin/x). Run the command by hand to see why, then retry.');
  });
});
