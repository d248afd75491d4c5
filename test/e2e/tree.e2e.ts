// The Feature Store side bar as a user first meets it: one root per AWS profile, owned groups inside.
import assert from 'node:assert/strict';
import { e2eTest } from '../../scripts/lib/e2e';
import { expandRow, openFeatureStoreView, rootLabels, treeRow } from '../../scripts/lib/workbench';

e2eTest('the Feature Store view shows every profile and its owned feature groups', async ({ page, screenshot }) => {
  await openFeatureStoreView(page);

  await treeRow(page, 'partner');
  assert.deepEqual(await rootLabels(page), ['analytics', 'marketing', 'partner']);

  await expandRow(page, 'analytics');
  await expandRow(page, 'analytics', 'Owned');
  await treeRow(page, 'analytics', 'Owned', 'customer-profile');
  await treeRow(page, 'analytics', 'Owned', 'transactions');

  await screenshot('tree');
});
