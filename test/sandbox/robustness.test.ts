// Hostile input never crashes the sandbox: every operation of every service gets malformed
// bodies and wrongly typed members, and must answer with its service's error shape (4xx), and
// the sandbox keeps serving afterwards.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { ANALYTICS, authHeader, TestSandbox } from './helpers';

let sb: TestSandbox;
before(async () => {
  sb = await TestSandbox.start();
});
after(() => sb.stop());

const SAGEMAKER_OPS = ['CreateFeatureGroup', 'DescribeFeatureGroup', 'ListFeatureGroups', 'DeleteFeatureGroup', 'UpdateFeatureGroup', 'DescribeFeatureMetadata', 'UpdateFeatureMetadata', 'Search', 'ListResourceCatalogs', 'AddTags', 'ListTags', 'DeleteTags'];
const RAM_PATHS = ['createresourceshare', 'getresourceshares', 'updateresourceshare', 'associateresourceshare', 'disassociateresourceshare', 'getresourceshareassociations', 'getresourceshareinvitations', 'acceptresourceshareinvitation', 'rejectresourceshareinvitation', 'listpendinginvitationresources', 'listresources', 'listprincipals', 'listpermissions', 'listresourcesharepermissions', 'getpermission', 'listresourcetypes', 'enablesharingwithawsorganization'];
const RUNTIME = [['PUT', '/FeatureGroup/customer-profile'], ['POST', '/BatchGetRecord'], ['POST', '/BatchWriteRecord'], ['POST', '/FeatureGroup/customer-profile/ListRecords'], ['POST', '/FeatureGroup/customer-profile/Record']];

const WEIRD = { __proto__: null, constructor: 1, toString: [] } as unknown as Record<string, unknown>;
const BAD_MEMBERS: Record<string, unknown> = {
  FeatureGroupName: { a: 1 }, FeatureName: 7, RecordIdentifierFeatureName: [], EventTimeFeatureName: null, FeatureDefinitions: [1, 'x', null],
  OnlineStoreConfig: { TtlDuration: { Unit: 'Days', Value: 'x' } }, OfflineStoreConfig: 'x', Tags: [{ Key: 1 }], ResourceArn: 5, Resource: 'FeatureGroup',
  SearchExpression: { Filters: [{ Name: 1 }], SubExpressions: 'x' }, VisibilityConditions: [null], MaxResults: -1, NextToken: 12, SortOrder: 'Sideways',
  FeatureAdditions: [{}], ParameterAdditions: 'x', Record: [{ FeatureName: 'customer_id' }, 5], Identifiers: [{ FeatureGroupName: 3 }], Entries: [null],
  RecordIdentifierValueAsString: 4, Features: {}, TtlDuration: 'forever', TargetStores: 'OnlineStore',
  name: 1, resourceArns: 'x', principals: [1], permissionArns: [{}], tags: 'x', resourceShareArn: [], resourceShareArns: 'x', resourceOwner: 'EVERYONE',
  associationType: 5, resourceShareInvitationArn: {}, resourceShareInvitationArns: [3], permissionArn: 9, maxResults: 'ten', nextToken: [], resourceType: 1,
  allowExternalPrincipals: 'yes', clientToken: 3, tagFilters: 'x', permissionType: 'SOME',
};
const BODIES = ['', '{', '[]', '"text"', 'null', '42', '{"a":', JSON.stringify(WEIRD), JSON.stringify(BAD_MEMBERS), '\u0000\u0001'];

async function call(method: string, path: string, headers: Record<string, string>, body: string) {
  const res = await fetch(`${sb.url}${path}`, { method, headers: { authorization: authHeader(ANALYTICS), ...headers }, body: method === 'GET' ? undefined : body });
  const text = await res.text();
  return { status: res.status, errorType: res.headers.get('x-amzn-errortype'), text };
}

function assertHandled(what: string, r: { status: number; errorType: string | null; text: string }) {
  assert.ok(r.status < 500, `${what} answered ${r.status}: ${r.text}`);
  if (r.status >= 400) {
    assert.ok(r.errorType, `${what} error without x-amzn-ErrorType: ${r.text}`);
    assert.equal((JSON.parse(r.text) as { __type: string }).__type, r.errorType);
  }
}

test('SageMaker operations answer malformed input with JSON errors', async () => {
  for (const op of SAGEMAKER_OPS) {
    for (const body of BODIES) {
      assertHandled(`${op} ${body.slice(0, 20)}`, await call('POST', '/', { 'x-amz-target': `SageMaker.${op}`, 'content-type': 'application/x-amz-json-1.1' }, body));
    }
  }
});

test('RAM operations answer malformed input with JSON errors', async () => {
  for (const path of RAM_PATHS) {
    for (const body of BODIES) {
      const r = await call('POST', `/${path}`, { 'content-type': 'application/json' }, body);
      assertHandled(`${path} ${body.slice(0, 20)}`, r);
      if (r.status >= 400) assert.ok('message' in (JSON.parse(r.text) as object), 'RAM errors carry a lower-case message');
    }
  }
  assertHandled('delete without arn', await call('DELETE', '/deleteresourceshare', {}, ''));
  assertHandled('delete with junk', await call('DELETE', '/deleteresourceshare?resourceShareArn=%ZZ', {}, ''));
});

test('runtime operations answer malformed input with JSON errors', async () => {
  for (const [method, path] of RUNTIME) {
    for (const body of BODIES) assertHandled(`${method} ${path} ${body.slice(0, 20)}`, await call(method, path, { 'content-type': 'application/json' }, body));
  }
  for (const query of ['', '?RecordIdentifierValueAsString', '?RecordIdentifierValueAsString=c-1001&FeatureName=', '?RecordIdentifierValueAsString=c-1001&ExpirationTimeResponse=Maybe', '?x=%E0%A4%A']) {
    assertHandled(`GET ${query}`, await call('GET', `/FeatureGroup/customer-profile${query}`, {}, ''));
    assertHandled(`DELETE ${query}`, await call('DELETE', `/FeatureGroup/customer-profile${query}&EventTime=x`, {}, ''));
  }
  assertHandled('bad percent-encoding in the path', await call('GET', '/FeatureGroup/%E0%A4%A?RecordIdentifierValueAsString=x', {}, ''));
  assertHandled('over-long name', await call('GET', `/FeatureGroup/${'a'.repeat(200)}?RecordIdentifierValueAsString=x`, {}, ''));
});

test('STS answers malformed input with XML errors', async () => {
  for (const body of ['', 'Action=AssumeRole', 'Action=AssumeRole&RoleArn=x&RoleSessionName=y&DurationSeconds=abc', '%%%', 'Action=']) {
    const r = await call('POST', '/', { 'content-type': 'application/x-www-form-urlencoded' }, body);
    assert.ok(r.status < 500 && r.status >= 400, `STS ${body} answered ${r.status}`);
    assert.match(r.text, /<ErrorResponse/);
  }
});

test('the sandbox still serves after all of that', async () => {
  const health = await sb.control('GET', 'health');
  assert.equal(health.status, 'ok');
  assert.equal(health.featureGroups, 5);
});
