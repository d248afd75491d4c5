// Row texts of the tree that depend on domain values. Pure (no 'vscode') so they are unit-tested.
import type { FeatureDefinition, FeatureGroupDetail, FeatureGroupSummary, Invitation } from '../aws/model';
import { formatFeatureType, formatInvitationDescription, formatSharedGroupDescription } from '../util/format';
import type { FeatureRole } from './contextValues';

export function featureRole(def: FeatureDefinition, group: Pick<FeatureGroupDetail, 'recordIdentifierFeatureName' | 'eventTimeFeatureName'>): FeatureRole {
  if (def.name === group.recordIdentifierFeatureName) return 'recordIdentifier';
  if (def.name === group.eventTimeFeatureName) return 'eventTime';
  return 'plain';
}

/** `String · record identifier`, `List<String>`, `Vector<Fractional>[4]`. */
export function featureDescription(def: FeatureDefinition, role: FeatureRole): string {
  const type = formatFeatureType(def);
  if (role === 'recordIdentifier') return `${type} · record identifier`;
  if (role === 'eventTime') return `${type} · event time`;
  return type;
}

/** Shared: `owner 111111111111 · read-only`. Owned: nothing, unless the group is not usable yet. */
export function featureGroupDescription(group: FeatureGroupSummary): string | undefined {
  if (group.access !== 'owner') return formatSharedGroupDescription(group.ownerAccountId, group.access);
  return group.status && group.status !== 'Created' ? group.status : undefined;
}

const STATUS_ORDER: Record<Invitation['status'], number> = { PENDING: 0, ACCEPTED: 1, REJECTED: 2, EXPIRED: 3 };

/** Pending first (they need an answer), then newest first. */
export function sortInvitations(invitations: Invitation[]): Invitation[] {
  return [...invitations].sort(
    (a, b) =>
      STATUS_ORDER[a.status] - STATUS_ORDER[b.status] ||
      (b.invitationTime?.getTime() ?? 0) - (a.invitationTime?.getTime() ?? 0) ||
      a.resourceShareName.localeCompare(b.resourceShareName),
  );
}

/** `1 pending` under the Invitations label, when something waits for an answer. */
export function invitationsSummary(invitations: Invitation[]): string | undefined {
  const pending = invitations.filter((i) => i.status === 'PENDING').length;
  return pending > 0 ? `${pending} pending` : undefined;
}

/** `1 read/write · 3 discoverable only` under Shared with me. */
export function sharedSummary(groups: FeatureGroupSummary[]): string | undefined {
  const counts = new Map<string, number>();
  const words: Record<string, string> = { admin: 'admin', readWrite: 'read/write', readOnly: 'read-only', discoverOnly: 'discoverable only' };
  for (const g of groups) if (g.access !== 'owner') counts.set(g.access, (counts.get(g.access) ?? 0) + 1);
  const parts = ['admin', 'readWrite', 'readOnly', 'discoverOnly'].filter((a) => counts.has(a)).map((a) => `${counts.get(a)} ${words[a]}`);
  return parts.length ? parts.join(' · ') : undefined;
}

/** `from 111111111111 · pending`; an expired one says what to do, since it cannot be answered any more. */
export function invitationDescription(inv: Invitation): string {
  const base = formatInvitationDescription(inv.senderAccountId, inv.status);
  return inv.status === 'EXPIRED' ? `${base} · ask the owner to invite you again` : base;
}
