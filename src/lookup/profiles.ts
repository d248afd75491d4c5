// The profiles the lookup acts as: the ones the Feature Store view shows (same settings filter and
// region overrides), taken from the tree when there is one, else read the same way it reads them.
import * as vscode from 'vscode';
import type { AccountContext } from '../aws/model';
import { loadProfiles } from '../aws/profiles';
import { readSettings, resolveRegion, selectProfiles, SETTINGS_SECTION } from '../util/settings';
import type { LookupProfile } from './source';

/** What the lookup needs of the Feature Store tree (FeatureStoreTreeProvider fits). */
export interface ProfileTree {
  profileNodes(): Promise<Array<{ name: string; context: AccountContext | undefined }>>;
  readonly onDidChangeTreeData: vscode.Event<unknown>;
}

export function profilesFromTree(tree: ProfileTree): () => Promise<LookupProfile[]> {
  return async () =>
    (await tree.profileNodes()).flatMap((p) => (p.context ? [{ name: p.name, context: p.context }] : []));
}

export async function profilesFromConfig(): Promise<LookupProfile[]> {
  const c = vscode.workspace.getConfiguration(SETTINGS_SECTION);
  const settings = readSettings({ profiles: c.get('profiles'), regionOverride: c.get('regionOverride') });
  const { shown } = selectProfiles(await loadProfiles({ ignoreCache: true }), settings.profiles);
  return shown.flatMap((profile) => {
    const region = resolveRegion(profile, settings.regionOverride);
    return region ? [{ name: profile.name, context: { profile: { ...profile, region }, region } }] : [];
  });
}
