// Tooltip contents for tree rows, rendered to Markdown text with every data value escaped, so a
// description or name coming from AWS can never inject links, HTML or icons. Pure (no 'vscode').
import type { FeatureDefinition, FeatureGroupDetail, FeatureGroupSummary, Invitation, ProfileInfo } from '../aws/model';
import {
  explainAccess,
  formatAccess,
  formatFeatureType,
  formatTimestamp,
  formatTtl,
} from '../util/format';

export interface TooltipContent {
  title: string;
  rows: Array<[label: string, value: string | undefined]>;
  /** A sentence under the rows (plain text, escaped like the rest). */
  note?: string;
}

/** Backslash-escapes every character Markdown could read as syntax and flattens line breaks. */
export function escapeMarkdown(text: string): string {
  return text.replace(/\r?\n/g, ' ').replace(/[\\`*_{}[\]()#+\-.!|<>~$&:"']/g, '\\$&');
}

export function renderTooltipMarkdown(content: TooltipContent): string {
  const lines = [`**${escapeMarkdown(content.title)}**`, ''];
  for (const [label, value] of content.rows) {
    if (value === undefined || value === '') continue;
    lines.push(`**${escapeMarkdown(label)}:** ${escapeMarkdown(value)}  `);
  }
  if (content.note) lines.push('', escapeMarkdown(content.note));
  return lines.join('\n');
}

function storesText(detail: FeatureGroupDetail | undefined): { online?: string; offline?: string } {
  if (!detail) return {};
  const online = detail.onlineStoreEnabled
    ? ['enabled', detail.storageType, detail.defaultTtl ? `TTL ${formatTtl(detail.defaultTtl)}` : undefined].filter(Boolean).join(', ')
    : 'disabled';
  const offline = detail.offlineStoreEnabled
    ? ['enabled', detail.offlineStoreStatus].filter(Boolean).join(', ')
    : 'disabled';
  return { online, offline };
}

export function featureGroupTooltip(summary: FeatureGroupSummary, detail?: FeatureGroupDetail): TooltipContent {
  const group = detail ?? summary;
  const stores = storesText(detail);
  return {
    title: group.name,
    rows: [
      ['Status', group.status],
      ['Owner account', group.ownerAccountId],
      ['Access', formatAccess(group.access)],
      ['Online store', stores.online],
      ['Offline store', stores.offline],
      ['Record identifier', detail?.recordIdentifierFeatureName],
      ['Event time', detail?.eventTimeFeatureName],
      ['Created', formatTimestamp(group.creationTime)],
      ['Description', detail?.description],
      ['Permission', summary.permissionName],
      ['ARN', group.arn],
    ],
    note: summary.access === 'owner' ? undefined : explainAccess(summary.access),
  };
}

export function featureTooltip(def: FeatureDefinition, group: Pick<FeatureGroupDetail, 'name' | 'recordIdentifierFeatureName' | 'eventTimeFeatureName'>): TooltipContent {
  const role =
    def.name === group.recordIdentifierFeatureName
      ? 'record identifier'
      : def.name === group.eventTimeFeatureName
        ? 'event time'
        : undefined;
  return {
    title: def.name,
    rows: [
      ['Type', formatFeatureType(def)],
      ['Role', role],
      ['Feature group', group.name],
    ],
  };
}

/** `assumeRole via sso, MFA`: the kind, where a role chain's credentials come from, and whether it asks for a code. */
function describeCredentials(profile: ProfileInfo): string {
  return [profile.sourceKind ? `${profile.kind} via ${profile.sourceKind}` : profile.kind, profile.mfaSerial ? 'MFA' : undefined].filter(Boolean).join(', ');
}

export function profileTooltip(profile: ProfileInfo, region: string | undefined, accountId?: string, accountProblem?: string): TooltipContent {
  const endpoints = profile.endpoints;
  const distinct = [...new Set([endpoints.sagemaker, endpoints.featurestoreRuntime, endpoints.ram, endpoints.sts].filter((e): e is string => !!e))];
  return {
    title: `Profile ${profile.name}`,
    rows: [
      ['Account', accountId],
      ['Region', region ?? 'none set'],
      ['Credentials', describeCredentials(profile)],
      ['Endpoint', distinct.length ? distinct.join(', ') : undefined],
    ],
    note: accountProblem,
  };
}

export function invitationTooltip(inv: Invitation): TooltipContent {
  return {
    title: inv.resourceShareName,
    rows: [
      ['Status', inv.status.toLowerCase()],
      ['From account', inv.senderAccountId],
      ['Sent', formatTimestamp(inv.invitationTime)],
      ['Resource share', inv.resourceShareArn],
      ['Invitation', inv.arn],
    ],
    note: invitationNote(inv),
  };
}

function invitationNote(inv: Invitation): string | undefined {
  switch (inv.status) {
    case 'PENDING':
      return 'Accept to see the shared feature groups under "Shared with me". Invitations expire 7 days after they were sent.';
    case 'EXPIRED':
      return `This invitation expired before it was answered, and can no longer be accepted. Ask the owner (${inv.senderAccountId}) to add your account to the share again: RAM then sends a new invitation.`;
    case 'REJECTED':
      return 'You rejected this share. Only the owner can undo it, by sharing again.';
    default:
      return undefined;
  }
}

export function errorTooltip(err: { code?: string; operation?: string; profile?: string; userMessage: string }, retryable: boolean): TooltipContent {
  return {
    title: err.userMessage,
    rows: [
      ['Error code', err.code],
      ['Operation', err.operation],
      ['Profile', err.profile],
    ],
    note: retryable ? 'Click to try again. Details are in the "Feature Store Explorer" log.' : 'Details are in the "Feature Store Explorer" log.',
  };
}
