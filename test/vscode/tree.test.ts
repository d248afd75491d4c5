// The tree against the demo sandbox: roots, counts, access levels, invitations, features, and a
// failing listing that must not blank its siblings.
import assert from 'node:assert/strict';
import { suite, suiteSetup, suiteTeardown, test } from 'mocha';
import type { ExplorerApi } from '../../src/extension';
import { child, explorerApi, labels, resetSandbox, sandboxUrl, setFault } from './support';

suite('tree', () => {
  let api: ExplorerApi;

  suiteSetup(async () => {
    await resetSandbox();
    api = await explorerApi();
    await api.refresh();
  });

  suiteTeardown(async () => {
    await setFault(undefined);
  });

  test('one root per demo profile, described by account id, region and endpoint', async () => {
    const roots = await api.snapshot(2);
    assert.deepEqual(labels(roots), ['analytics', 'marketing', 'partner']);
    const host = new URL(sandboxUrl()).host;
    assert.equal(child(roots, 'analytics').description, `111111111111 · us-east-1 · ${host}`);
    assert.equal(child(roots, 'marketing').description, `222222222222 · us-east-1 · ${host}`);
    assert.equal(child(roots, 'partner').description, `333333333333 · us-east-1 · ${host}`);
    for (const root of roots) {
      assert.equal(root.contextValue, 'profile');
      assert.deepEqual(
        labels(root.children).map((l) => l.replace(/ \(\d+\)$/, '')),
        ['Owned', 'Shared with me', 'Invitations', 'My shares'],
      );
    }
  });

  test('analytics owns the four demo groups', async () => {
    const owned = child(child(await api.snapshot(3), 'analytics').children, 'Owned');
    assert.equal(owned.label, 'Owned (4)');
    assert.deepEqual(labels(owned.children), ['churn-scores', 'customer-profile', 'product-catalog', 'transactions']);
    for (const g of owned.children ?? []) assert.equal(g.contextValue, 'featureGroup;owned');
  });

  test('marketing sees customer-profile read-only and the other analytics groups discoverable only', async () => {
    const marketing = child(await api.snapshot(3), 'marketing');
    const shared = child(marketing.children, 'Shared with me');
    assert.equal(shared.label, 'Shared with me (4)');
    const byName = new Map((shared.children ?? []).map((n) => [n.label, n]));
    assert.equal(byName.get('customer-profile')?.description, 'read-only · owner 111111111111');
    assert.equal(byName.get('customer-profile')?.contextValue, 'featureGroup;shared;readOnly');
    for (const name of ['churn-scores', 'product-catalog', 'transactions']) {
      assert.equal(byName.get(name)?.description, 'discoverable only · owner 111111111111', name);
      assert.equal(byName.get(name)?.contextValue, 'featureGroup;shared;discoverOnly', name);
    }
    assert.deepEqual(labels(child(marketing.children, 'Owned').children), ['campaign-responses']);
  });

  test('partner has one pending invitation from analytics', async () => {
    const partner = child(await api.snapshot(3), 'partner');
    const invitations = child(partner.children, 'Invitations');
    assert.equal(invitations.label, 'Invitations (1)');
    assert.equal(invitations.description, '1 pending');
    const [invitation] = invitations.children ?? [];
    assert.equal(invitation.contextValue, 'invitation;pending');
    assert.equal(invitation.description, 'from 111111111111 · pending');
    assert.equal(child(partner.children, 'Owned').label, 'Owned (0)');
  });

  test('a feature group expands to typed features with the record identifier and event time marked', async () => {
    const owned = child(child(await api.snapshot(4), 'analytics').children, 'Owned');
    const features = new Map((child(owned.children, 'product-catalog').children ?? []).map((f) => [f.label, f]));
    assert.equal(features.get('product_id')?.description, 'String · record identifier');
    assert.equal(features.get('product_id')?.contextValue, 'feature;recordIdentifier');
    assert.equal(features.get('event_time')?.description, 'String · event time');
    assert.equal(features.get('tags')?.description, 'Set<String>');
    assert.equal(features.get('embedding')?.description, 'Vector<Fractional>[4]');
    assert.equal(features.get('price')?.description, 'Fractional');
    const customer = new Map((child(owned.children, 'customer-profile').children ?? []).map((f) => [f.label, f]));
    assert.equal(customer.get('preferred_channels')?.description, 'List<String>');
  });

  test('a failing listing shows an error row in place and leaves its siblings loaded', async () => {
    await setFault({ operation: 'ListFeatureGroups', kind: 'error500', rate: 1 });
    await api.refresh();
    const roots = await api.snapshot(3);
    for (const name of ['analytics', 'marketing', 'partner']) {
      const profile = child(roots, name);
      const owned = child(profile.children, 'Owned');
      assert.equal(owned.label, 'Owned', `${name}: a failed listing has no count`);
      assert.equal(owned.description, 'could not load');
      const [error] = owned.children ?? [];
      assert.equal(error.contextValue, 'error;retryable');
      assert.match(error.label, /\.$/, 'the error row is a sentence');
      assert.match(child(profile.children, 'Shared with me').label, /^Shared with me \(\d+\)$/, `${name}: Shared with me still loads`);
      assert.match(child(profile.children, 'Invitations').label, /^Invitations \(\d+\)$/, `${name}: Invitations still load`);
    }
    await setFault(undefined);
    await api.refresh();
    assert.equal(child(child(await api.snapshot(3), 'analytics').children, 'Owned').label, 'Owned (4)');
  });
});
