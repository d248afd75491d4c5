// Words and short strings the tree, the pickers and the inspector page show for domain values.
// Pure (no 'vscode'): the webview bundle imports it too, so both sides say the same thing.
import type { AccessLevel, FeatureDefinition, FeatureType, InvitationStatus, TtlDuration } from '../aws/model';

/** `String`, `List<String>`, `Set<String>`, `Vector<Fractional>[4]`. */
export function formatFeatureType(def: Pick<FeatureDefinition, 'type' | 'collection' | 'vectorDimension'>): string {
  if (!def.collection) return def.type;
  const base = `${def.collection}<${def.type}>`;
  return def.collection === 'Vector' && def.vectorDimension !== undefined ? `${base}[${def.vectorDimension}]` : base;
}

const ACCESS_WORDS: Record<AccessLevel, string> = {
  owner: 'owner',
  admin: 'admin',
  readWrite: 'read/write',
  readOnly: 'read-only',
  discoverOnly: 'discoverable only',
};

export function formatAccess(access: AccessLevel): string {
  return ACCESS_WORDS[access];
}

/** What a consumer may do, in plain words (tooltips, the inspector header, the share picker). */
export function explainAccess(access: AccessLevel): string {
  switch (access) {
    case 'owner':
      return 'Your account owns this feature group: you can read, write and share it.';
    case 'admin':
      return 'You can read and write records and update the group definition and feature metadata.';
    case 'readWrite':
      return 'You can describe the group, read records and write or delete records.';
    case 'readOnly':
      return 'You can describe the group and read records (GetRecord, BatchGetRecord); writing is not allowed.';
    case 'discoverOnly':
      return 'You can find this group through the shared catalog, but no share grants access to its records. Ask the owner for a feature-group share.';
  }
}

/** True for the access levels whose permission includes PutRecord. */
export function canWriteRecords(access: AccessLevel): boolean {
  return access === 'owner' || access === 'admin' || access === 'readWrite';
}

/** True for the access levels that allow DescribeFeatureGroup and GetRecord. */
export function canReadRecords(access: AccessLevel): boolean {
  return access !== 'discoverOnly';
}

/** Shared groups: `read-only · owner 111111111111`. */
export function formatSharedGroupDescription(ownerAccountId: string, access: AccessLevel): string {
  // Access first: it is what a narrow side bar must still show.
  return `${formatAccess(access)} · owner ${ownerAccountId}`;
}

/** Profile roots: `111111111111 · us-east-1 · 127.0.0.1:4566` (account and endpoint only when known). */
export function formatProfileDescription(parts: { accountId?: string; region?: string; endpointHost?: string }): string {
  return [parts.accountId, parts.region ?? 'no region', parts.endpointHost].filter((p) => !!p).join(' · ');
}

/** `host[:port]` of an endpoint URL, or the text itself when it is not a URL. */
export function endpointHost(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    return new URL(url).host || url;
  } catch {
    return url;
  }
}

/** `Owned (4)`; a category whose load failed has no count. */
export function formatCategoryLabel(title: string, count: number | undefined): string {
  return count === undefined ? title : `${title} (${count})`;
}

export function formatInvitationStatus(status: InvitationStatus): string {
  return status.toLowerCase();
}

/** `from 111111111111 · pending`. */
export function formatInvitationDescription(senderAccountId: string, status: InvitationStatus): string {
  return `from ${senderAccountId} · ${formatInvitationStatus(status)}`;
}

export function formatTtl(ttl: TtlDuration | undefined): string | undefined {
  if (!ttl) return undefined;
  const unit = ttl.value === 1 ? ttl.unit.replace(/s$/, '') : ttl.unit;
  return `${ttl.value} ${unit.toLowerCase()}`;
}

/** ISO-8601 without milliseconds, in UTC, so it reads the same for every teammate. */
export function formatTimestamp(date: Date | string | undefined): string | undefined {
  if (date === undefined) return undefined;
  const d = typeof date === 'string' ? new Date(date) : date;
  if (Number.isNaN(d.getTime())) return typeof date === 'string' ? date : undefined;
  return d.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** Placeholder text for one input of the inspector's edit form. */
export function valuePlaceholder(def: Pick<FeatureDefinition, 'type' | 'collection' | 'vectorDimension'>): string {
  const scalarExample: Record<FeatureType, string> = { Integral: '42', Fractional: '3.14', String: '"text"' };
  if (!def.collection) {
    switch (def.type) {
      case 'Integral':
        return 'whole number, e.g. 42';
      case 'Fractional':
        return 'number, e.g. 3.14';
      case 'String':
        return 'text';
    }
  }
  const one = scalarExample[def.type];
  if (def.collection === 'Vector') {
    const n = def.vectorDimension ?? 2;
    const example = Array.from({ length: Math.min(n, 4) }, (_, i) => (i + 1) / 10).join(', ');
    return `JSON array of ${n} numbers, e.g. [${example}${n > 4 ? ', …' : ''}]`;
  }
  const kind = def.collection === 'Set' ? 'distinct values' : 'values';
  return `JSON array of ${kind}, e.g. [${one}, ${one}]`;
}

/** The placeholder of the event-time input says which of the two accepted encodings the group uses. */
export function eventTimePlaceholder(def: Pick<FeatureDefinition, 'type'>): string {
  return def.type === 'String' ? 'ISO-8601, e.g. 2025-01-15T12:00:00Z' : 'epoch seconds, e.g. 1736942400';
}
