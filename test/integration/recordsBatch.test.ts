// BatchGetRecord's UnprocessedIdentifiers are sent again. The sandbox always processes everything,
// so a small HTTP proxy in front of it moves some found records into UnprocessedIdentifiers, as
// AWS does under load; the real SDK client parses that reply. Also: per-id errors, and a failure
// of every batch surfaces as one error.
import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { AwsCallError } from '../../src/aws/errors';
import type { FeatureGroupDetail } from '../../src/aws/model';
import { startAwsTestEnv, type AwsTestEnv } from './awsTestEnv';

let t: AwsTestEnv;
let proxy: http.Server;
/** How many more BatchGetRecord replies get records moved to UnprocessedIdentifiers. */
let unprocessedReplies = 0;
/** How many records each tampered reply leaves unprocessed. */
let leaveUnprocessed = 2;
let batchCalls: string[][] = [];

interface BatchReply {
  Records: { FeatureGroupName: string; RecordIdentifierValueAsString: string }[];
  Errors: unknown[];
  UnprocessedIdentifiers: { FeatureGroupName: string; RecordIdentifiersValueAsString: string[] }[];
}

function startProxy(): Promise<string> {
  proxy = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const upstream = http.request(new URL(req.url ?? '/', t.sandbox.url), { method: req.method, headers: req.headers }, (up) => {
        const parts: Buffer[] = [];
        up.on('data', (c: Buffer) => parts.push(c));
        up.on('end', () => {
          let out = Buffer.concat(parts);
          if (req.url === '/BatchGetRecord' && up.statusCode === 200) {
            const sent = JSON.parse(body.toString()) as { Identifiers: { RecordIdentifiersValueAsString: string[] }[] };
            batchCalls.push(sent.Identifiers[0].RecordIdentifiersValueAsString);
            if (unprocessedReplies > 0) {
              unprocessedReplies--;
              const reply = JSON.parse(out.toString()) as BatchReply;
              const moved = reply.Records.splice(0, leaveUnprocessed);
              if (moved.length > 0) reply.UnprocessedIdentifiers.push({ FeatureGroupName: moved[0].FeatureGroupName, RecordIdentifiersValueAsString: moved.map((r) => r.RecordIdentifierValueAsString) });
              out = Buffer.from(JSON.stringify(reply));
            }
          }
          const headers = { ...up.headers, 'content-length': String(out.length) };
          res.writeHead(up.statusCode ?? 500, headers);
          res.end(out);
        });
      });
      upstream.end(body);
    });
  });
  return new Promise((resolve) => proxy.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(proxy.address() as AddressInfo).port}`)));
}

let group: FeatureGroupDetail;

before(async () => {
  const proxyUrl = await startProxy();
  t = await startAwsTestEnv({
    extraConfig: `\n[profile busy]\naws_access_key_id = 111111111111\naws_secret_access_key = sandbox\nregion = us-east-1\nendpoint_url = ${proxyUrl}\n`,
  });
  group = await t.catalog.describe(t.ctx('analytics'), 'customer-profile');
});

after(async () => {
  await new Promise((resolve) => proxy.close(resolve));
  await t.close();
});

describe('unprocessed identifiers', () => {
  test('are sent again until processed', async () => {
    unprocessedReplies = 1;
    leaveUnprocessed = 2;
    batchCalls = [];
    const result = await t.records.batchGet(t.ctx('busy'), group, ['c-1001', 'c-1002', 'c-1003', 'nope'], { retryDelayMs: 1 });
    assert.deepEqual(result.rows.map((r) => [r.recordId, r.status]), [['c-1001', 'found'], ['c-1002', 'found'], ['c-1003', 'found'], ['nope', 'notFound']]);
    assert.deepEqual(batchCalls, [['c-1001', 'c-1002', 'c-1003', 'nope'], ['c-1001', 'c-1002']]);
    assert.equal(result.calls, 2);
    assert.equal(result.retriedIds, 2);
  });

  test('ids still unprocessed after the last retry are reported as such, not as missing', async () => {
    unprocessedReplies = 10;
    leaveUnprocessed = 1;
    batchCalls = [];
    const result = await t.records.batchGet(t.ctx('busy'), group, ['c-1001', 'c-1002'], { retryDelayMs: 1, maxRetries: 2 });
    assert.deepEqual(result.rows.map((r) => [r.recordId, r.status]), [['c-1001', 'unprocessed'], ['c-1002', 'found']]);
    assert.match(result.rows[0].error ?? '', /unprocessed after 2 retries/);
    assert.equal(batchCalls.length, 3);
    unprocessedReplies = 0;
  });
});

describe('failures', () => {
  test('an unknown group is a per-id error; the call itself succeeds', async () => {
    const gone = { ...group, name: 'gone', arn: group.arn.replace('customer-profile', 'gone') };
    const result = await t.records.batchGet(t.ctx('analytics'), gone, ['a', 'b']);
    assert.deepEqual(result.rows.map((r) => [r.status, r.errorCode]), [['error', 'ResourceNotFound'], ['error', 'ResourceNotFound']]);
  });

  test('when every batch is refused the caller gets the one error, explained', async () => {
    const transactions = await t.catalog.describe(t.ctx('analytics'), 'transactions');
    await assert.rejects(t.records.batchGet(t.ctx('marketing'), { ...transactions, access: 'discoverOnly' }, Array.from({ length: 150 }, (_, i) => `t-${i}`)), (err: unknown) => {
      assert.ok(err instanceof AwsCallError);
      assert.equal(err.code, 'AccessForbidden');
      assert.equal(err.operation, 'BatchGetRecord');
      return true;
    });
  });
});
