// The contextValue grammar, and the package.json menus that match it: share only on owned groups,
// the inspector never on discoverable-only groups, invitation actions only while pending.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import type { AccessLevel } from '../../../src/aws/model';
import {
  categoryContext,
  errorContext,
  featureContext,
  featureGroupContext,
  invitationContext,
  MENU_PATTERNS,
  profileContext,
  shareContext,
  sharePrincipalContext,
  shareResourceContext,
} from '../../../src/tree/contextValues';

const ACCESS: AccessLevel[] = ['owner', 'admin', 'readWrite', 'readOnly', 'discoverOnly'];
const SHARE_STATUSES = ['PENDING', 'ACTIVE', 'FAILED', 'DELETING', 'DELETED'];
const ASSOCIATION_STATUSES = ['ASSOCIATING', 'ASSOCIATED', 'FAILED', 'DISASSOCIATING', 'DISASSOCIATED'];

interface MenuEntry {
  command: string;
  when?: string;
  group?: string;
}

const pkg = JSON.parse(readFileSync(join(import.meta.dirname, '../../../package.json'), 'utf8')) as {
  contributes: { menus: Record<string, MenuEntry[]>; commands: { command: string }[] };
};
const itemMenus = pkg.contributes.menus['view/item/context'];

/** The regex of a `viewItem =~ /.../` clause, as VS Code would build it. */
function viewItemRegex(when: string): RegExp {
  const m = /viewItem =~ \/(.+)\/$/.exec(when);
  assert.ok(m, `menu clause without a viewItem regex: ${when}`);
  return new RegExp(m[1]);
}

/** Every contextValue the tree can produce. */
const ALL_VALUES = [
  profileContext,
  categoryContext('owned'),
  categoryContext('shared'),
  categoryContext('invitations'),
  categoryContext('myShares'),
  ...ACCESS.map(featureGroupContext),
  featureContext('recordIdentifier'),
  featureContext('eventTime'),
  featureContext('plain'),
  ...(['PENDING', 'ACCEPTED', 'REJECTED', 'EXPIRED'] as const).map(invitationContext),
  errorContext(true),
  errorContext(false),
  'message',
  ...SHARE_STATUSES.map(shareContext),
  ...(['featureGroup', 'catalog', 'other'] as const).flatMap((k) => ASSOCIATION_STATUSES.map((s) => shareResourceContext(k, s))),
  ...(['account', 'organization', 'organizationalUnit', 'iamRole', 'iamUser', 'other'] as const).flatMap((k) => ASSOCIATION_STATUSES.map((s) => sharePrincipalContext(k, s))),
];

function valuesOffering(command: string): string[] {
  const regexes = itemMenus.filter((m) => m.command === command).map((m) => viewItemRegex(m.when ?? ''));
  return ALL_VALUES.filter((v) => regexes.some((r) => r.test(v)));
}

describe('contextValue grammar', () => {
  test('feature groups spell ownership and access', () => {
    assert.equal(featureGroupContext('owner'), 'featureGroup;owned');
    assert.equal(featureGroupContext('readWrite'), 'featureGroup;shared;readWrite');
    assert.equal(featureGroupContext('discoverOnly'), 'featureGroup;shared;discoverOnly');
    assert.equal(invitationContext('PENDING'), 'invitation;pending');
    assert.equal(errorContext(true), 'error;retryable');
    assert.equal(errorContext(false), 'error');
  });

  test('every context value is distinct', () => {
    assert.equal(new Set(ALL_VALUES).size, ALL_VALUES.length);
  });

  test('every item menu of package.json uses one of MENU_PATTERNS', () => {
    const sources = new Set(Object.values(MENU_PATTERNS).map((r) => r.source));
    for (const menu of itemMenus) {
      assert.ok(menu.when?.startsWith('view == featureStoreExplorer.profiles && '), `${menu.command} is not scoped to the view`);
      assert.ok(sources.has(viewItemRegex(menu.when ?? '').source), `${menu.command}: ${menu.when} is not in MENU_PATTERNS`);
    }
  });

  test('sharing is offered on owned groups only', () => {
    assert.deepEqual(valuesOffering('featureStoreExplorer.shareFeatureGroup'), ['featureGroup;owned']);
  });

  test('the record inspector is offered on every readable group and never on discoverable-only ones', () => {
    assert.deepEqual(valuesOffering('featureStoreExplorer.openRecordInspector'), [
      'featureGroup;owned',
      'featureGroup;shared;admin',
      'featureGroup;shared;readWrite',
      'featureGroup;shared;readOnly',
    ]);
  });

  test('accept and reject are offered on pending invitations only', () => {
    assert.deepEqual(valuesOffering('featureStoreExplorer.acceptInvitation'), ['invitation;pending']);
    assert.deepEqual(valuesOffering('featureStoreExplorer.rejectInvitation'), ['invitation;pending']);
  });

  test('copy ARN is offered on groups and invitations, not on features or errors', () => {
    const offered = valuesOffering('featureStoreExplorer.copyArn');
    assert.ok(offered.includes('featureGroup;shared;discoverOnly'));
    assert.ok(offered.includes('invitation;accepted'));
    assert.ok(!offered.some((v) => v.startsWith('feature;') || v.startsWith('error') || v === 'profile'));
  });

  test('new shares start on owned groups, the Owned category and My shares; the catalog only on My shares', () => {
    assert.deepEqual(valuesOffering('featureStoreExplorer.shareFeatureGroups'), ['category;owned', 'category;myShares']);
    assert.deepEqual(valuesOffering('featureStoreExplorer.shareCatalog'), ['category;myShares']);
  });

  test('add to a share only while it is active; delete any share not deleted yet', () => {
    assert.deepEqual(valuesOffering('featureStoreExplorer.addToShare'), ['share;active']);
    assert.deepEqual(valuesOffering('featureStoreExplorer.deleteShare'), ['share;pending', 'share;active', 'share;failed']);
  });

  test('remove is offered on active shares and on members still (or failing to be) in the share', () => {
    const offered = valuesOffering('featureStoreExplorer.removeFromShare');
    assert.ok(offered.includes('share;active'));
    assert.ok(offered.includes('shareResource;featureGroup;associated'));
    assert.ok(offered.includes('sharePrincipal;organizationalUnit;associating'));
    assert.ok(offered.includes('sharePrincipal;account;failed'));
    assert.ok(!offered.some((v) => v.endsWith(';disassociated') || v.endsWith(';disassociating')));
    assert.ok(!offered.includes('share;deleted'));
  });

  test('invite again only for accounts whose invitation failed, expired or was declined', () => {
    assert.deepEqual(valuesOffering('featureStoreExplorer.reinvitePrincipal'), ['sharePrincipal;account;failed', 'sharePrincipal;account;disassociated']);
  });

  test('retry is offered only on retryable errors', () => {
    assert.deepEqual(valuesOffering('featureStoreExplorer.retry'), ['error;retryable']);
  });

  test('every menu command is a contributed command', () => {
    const contributed = new Set(pkg.contributes.commands.map((c) => c.command));
    for (const entries of Object.values(pkg.contributes.menus)) {
      for (const m of entries) assert.ok(contributed.has(m.command), `${m.command} is not contributed`);
    }
  });
});
