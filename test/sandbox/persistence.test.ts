// --state: every change is saved (temporary file, then rename) and survives a restart.
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { CreateFeatureGroupCommand, DescribeFeatureGroupCommand } from '@aws-sdk/client-sagemaker';
import { GetRecordCommand, PutRecordCommand } from '@aws-sdk/client-sagemaker-featurestore-runtime';
import { AcceptResourceShareInvitationCommand, GetResourceShareInvitationsCommand } from '@aws-sdk/client-ram';
import { startSandbox } from '../../sandbox';
import { ANALYTICS, PARTNER, TestSandbox } from './helpers';

const dir = mkdtempSync(join(tmpdir(), 'sandbox-state-'));
after(() => rmSync(dir, { recursive: true, force: true }));

test('changes survive a restart with the same state file', async () => {
  const statePath = join(dir, 'state.json');
  const first = await TestSandbox.start({ statePath });
  const a = first.clients(ANALYTICS);
  await a.sm.send(new CreateFeatureGroupCommand({
    FeatureGroupName: 'persisted', RecordIdentifierFeatureName: 'id', EventTimeFeatureName: 'ts',
    FeatureDefinitions: [{ FeatureName: 'id', FeatureType: 'String' }, { FeatureName: 'ts', FeatureType: 'Fractional' }],
    OnlineStoreConfig: { EnableOnlineStore: true },
  }));
  await a.rt.send(new PutRecordCommand({ FeatureGroupName: 'persisted', Record: [{ FeatureName: 'id', ValueAsString: '__proto__' }, { FeatureName: 'ts', ValueAsString: '1700000000' }] }));
  const p = first.clients(PARTNER);
  const [inv] = (await p.ram.send(new GetResourceShareInvitationsCommand({}))).resourceShareInvitations!;
  await p.ram.send(new AcceptResourceShareInvitationCommand({ resourceShareInvitationArn: inv.resourceShareInvitationArn }));
  await first.advanceClock(3600);
  await first.stop();

  assert.deepEqual(readdirSync(dir), ['state.json'], 'no temporary file is left behind');
  assert.ok(JSON.parse(readFileSync(statePath, 'utf8')).featureGroups);

  const second = await TestSandbox.start({ statePath, seed: 'empty' });
  const b = second.clients(ANALYTICS);
  assert.equal((await b.sm.send(new DescribeFeatureGroupCommand({ FeatureGroupName: 'persisted' }))).FeatureGroupName, 'persisted');
  const rec = await b.rt.send(new GetRecordCommand({ FeatureGroupName: 'persisted', RecordIdentifierValueAsString: '__proto__' }));
  assert.equal(rec.Record?.[0].ValueAsString, '__proto__');
  const invs = await second.clients(PARTNER).ram.send(new GetResourceShareInvitationsCommand({}));
  assert.equal(invs.resourceShareInvitations?.[0].status, 'ACCEPTED');
  assert.equal((await second.control('GET', 'clock')).offsetSeconds, 3600);
  await second.reset('empty');
  await second.stop();
  assert.deepEqual(JSON.parse(readFileSync(statePath, 'utf8')).featureGroups, {});
});

test('a fresh state file is created from the seed', async () => {
  const statePath = join(dir, 'fresh.json');
  const sb = await startSandbox({ statePath, seed: 'demo' });
  await sb.stop();
  assert.equal(Object.keys(JSON.parse(readFileSync(statePath, 'utf8')).featureGroups).length, 5);
});

test('an unreadable state file stops the start with a clear message instead of being overwritten', async () => {
  const statePath = join(dir, 'broken.json');
  writeFileSync(statePath, '{"featureGroups": ');
  await assert.rejects(startSandbox({ statePath }), /not valid JSON/);
  assert.equal(readFileSync(statePath, 'utf8'), '{"featureGroups": ');
});
