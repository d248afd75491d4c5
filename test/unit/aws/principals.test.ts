// Principals as a user types them: every kind RAM takes, and one specific sentence per mistake.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { describePrincipal, needsOrganizationSharing, parsePrincipal, parsePrincipalList, summarizeProblems } from '../../../src/aws/principals';

const ORG = 'arn:aws:organizations::111111111111:organization/o-demo1234567';
const OU = 'arn:aws:organizations::111111111111:ou/o-demo1234567/ou-demo-mkt12345';

function problem(input: string, own?: string): string {
  const r = parsePrincipal(input, own);
  assert.ok('problem' in r, `accepted ${input}`);
  return r.problem;
}

describe('parsePrincipal', () => {
  test('reads each kind RAM accepts', () => {
    const kinds = ['222222222222', ORG, OU, 'arn:aws:iam::222222222222:role/Analyst', 'arn:aws:iam::222222222222:user/team/dana', 'arn:aws-cn:iam::222222222222:role/path/to/R+=,.@-x'].map((p) => {
      const r = parsePrincipal(p);
      assert.ok('principal' in r, `refused ${p}: ${'problem' in r ? r.problem : ''}`);
      return [r.principal.kind, r.principal.accountId, r.principal.id];
    });
    assert.deepEqual(kinds, [
      ['account', '222222222222', undefined],
      ['organization', '111111111111', 'o-demo1234567'],
      ['organizationalUnit', '111111111111', 'ou-demo-mkt12345'],
      ['iamRole', '222222222222', undefined],
      ['iamUser', '222222222222', undefined],
      ['iamRole', '222222222222', undefined],
    ]);
  });

  test('trims, and keeps the value RAM gets', () => {
    const r = parsePrincipal(`  ${ORG} `);
    assert.ok('principal' in r);
    assert.equal(r.principal.value, ORG);
  });

  test('account ids: digit count, typos and the own account are named', () => {
    assert.match(problem('12345'), /"12345" has 5 digits; an AWS account id has exactly 12/);
    assert.match(problem('22222222222x'), /"22222222222x" is not an AWS account id: use exactly 12 digits/);
    assert.match(problem('2222-2222-2222'), /exactly 12 digits/);
    assert.match(problem('111111111111', '111111111111'), /your own account/);
  });

  test('ids where ARNs are needed say which ARN', () => {
    assert.match(problem('o-demo1234567'), /organization id; RAM needs the organization's ARN \(arn:aws:organizations::/);
    assert.match(problem('ou-demo-mkt12345'), /OU id; RAM needs the OU's ARN/);
  });

  test('malformed organization and OU ARNs show the expected shape', () => {
    assert.match(problem('arn:aws:organizations::111111111111:organization/demo'), /not a valid organization ARN: it must look like arn:aws:organizations::<management account>:organization\/o-<id>/);
    assert.match(problem('arn:aws:organizations::111111111111:ou/o-demo1234567/mkt'), /not a valid OU ARN/);
    assert.match(problem('arn:aws:organizations::111111111111:account/o-demo1234567/222222222222'), /neither an organization nor an OU ARN/);
  });

  test('IAM: the root, groups and malformed ARNs are refused with the reason', () => {
    assert.match(problem('arn:aws:iam::222222222222:root'), /names a whole account: enter its 12-digit account id instead/);
    assert.match(problem('arn:aws:iam::222222222222:group/Admins'), /not a role or a user/);
    assert.match(problem('arn:aws:iam::2222:role/x'), /not a valid IAM role or user ARN/);
  });

  test('other things are refused with what fits', () => {
    assert.match(problem('sagemaker.amazonaws.com'), /service principal/);
    assert.match(problem('arn:aws:s3:::bucket'), /an ARN of s3, not a principal\. Enter a 12-digit account id, or the ARN of an organization/);
    assert.match(problem('marketing'), /"marketing" is not a principal/);
    assert.match(problem('  '), /Enter a principal/);
  });
});

describe('parsePrincipalList', () => {
  test('splits on commas, semicolons and whitespace, de-duplicated in order', () => {
    const r = parsePrincipalList(`222222222222, ${OU};222222222222\n333333333333`);
    assert.deepEqual(r.principals.map((p) => p.value), ['222222222222', OU, '333333333333']);
    assert.deepEqual(r.problems, []);
  });

  test('reports every problem, one sentence each', () => {
    const r = parsePrincipalList('12345 222222222222 o-abc 111111111111', '111111111111');
    assert.equal(r.principals.length, 1);
    assert.equal(r.problems.length, 3);
    assert.equal(summarizeProblems(r.problems), `${r.problems[0]} (2 more problems)`);
    assert.equal(summarizeProblems(r.problems.slice(0, 2)), `${r.problems[0]} (1 more problem)`);
    assert.equal(summarizeProblems([]), undefined);
  });

  test('an empty list asks for one', () => {
    assert.match(parsePrincipalList(' , ').problems[0], /at least one principal/);
  });
});

describe('describePrincipal', () => {
  test('labels each kind as the tree shows it', () => {
    assert.deepEqual(describePrincipal('222222222222'), { kind: 'account', label: '222222222222', kindText: 'account' });
    assert.deepEqual(describePrincipal(ORG), { kind: 'organization', label: 'Organization o-demo1234567', kindText: 'organization' });
    assert.deepEqual(describePrincipal(OU), { kind: 'organizationalUnit', label: 'OU ou-demo-mkt12345', kindText: 'organizational unit' });
    assert.deepEqual(describePrincipal('arn:aws:iam::222222222222:role/team/Analyst'), { kind: 'iamRole', label: 'team/Analyst (222222222222)', kindText: 'IAM role' });
    assert.equal(describePrincipal('something else').kind, 'other');
  });

  test('only account ids work without organization sharing', () => {
    assert.equal(needsOrganizationSharing('account'), false);
    for (const k of ['organization', 'organizationalUnit', 'iamRole', 'iamUser'] as const) assert.equal(needsOrganizationSharing(k), true);
  });
});
