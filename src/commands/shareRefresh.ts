// After a share changed: the owner's "My shares" reloads, and so do Shared with me and Invitations of
// the profiles in this window the change concerns (their account is a principal, or an organization
// or OU is), so both sides of a share show the new state without a manual refresh.
import { parsePrincipal } from '../aws/principals';
import type { ProfileNode } from '../tree/profileNode';
import type { CommandEnv } from './env';
import { profileOf } from './pickers';
import type { ExplorerNode } from '../tree/node';

export async function refreshAfterShareChange(env: CommandEnv, from: ExplorerNode | ProfileNode | undefined, principals: string[]): Promise<void> {
  const owner = from ? profileOf(from) : undefined;
  owner?.myShares?.reload();
  const parsed = principals.map((p) => parsePrincipal(p)).flatMap((r) => ('principal' in r ? [r.principal] : []));
  // An organization or OU may hold any account: reload them all.
  const everyone = parsed.some((p) => p.kind === 'organization' || p.kind === 'organizationalUnit');
  for (const profile of await env.tree.profileNodes()) {
    if (profile === owner) continue;
    // A profile never expanded may still have its invitations loaded for the badge: ask who it is (cached).
    const account = profile.knownAccountId() ?? (profile.invitations?.items.peek() && profile.context ? await env.services().catalog.callerAccountId(profile.context).catch(() => undefined) : undefined);
    if (!account) continue;
    const concerned = everyone || parsed.some((p) => p.accountId === account);
    if (!concerned) continue;
    env.services().catalog.forget(profile.name);
    profile.reloadReceived();
  }
}
