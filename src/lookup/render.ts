// What the lookup shows: CodeLens titles (one plain line) and hover Markdown. Every value that comes
// from AWS, from the document or from the user's config is escaped, so data can never turn into
// links, HTML, images or icons; the only links are the command links built here. Pure (no 'vscode').
import type { FeatureDefinition, FeatureGroupDetail, FeatureRecord } from '../aws/model';
import { formatAccess, formatFeatureType } from '../util/format';
import type { DefinitionOutcome, Reach, RecordLookup, Resolution } from './resolver';

/** Backslash-escapes every character Markdown could read as syntax; line breaks become spaces. */
export function escapeMarkdown(text: string): string {
  return text.replace(/\r?\n|\r/g, ' ').replace(/[\\`*_{}[\]()#+\-.!|<>~$&:"'=]/g, '\\$&');
}

/** CodeLens titles render `$(name)` as an icon: keep data from doing that. */
export function plainLabel(text: string): string {
  return text.replace(/\r?\n|\r/g, ' ').replace(/\$\(/g, '$\u200b(');
}

/** A `command:` URI whose arguments survive being put inside a Markdown link. */
export function commandUri(command: string, args: unknown[]): string {
  const encoded = encodeURIComponent(JSON.stringify(args)).replace(/[()'!*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `command:${command}?${encoded}`;
}

const MAX_VALUE_CHARS = 160;
const LENS_FEATURES = 4;

export function formatValue(value: string | string[] | undefined): string {
  if (value === undefined) return '';
  const text = Array.isArray(value) ? `[${value.join(', ')}]` : value;
  return text.length > MAX_VALUE_CHARS ? `${text.slice(0, MAX_VALUE_CHARS - 1)}…` : text;
}

function reachWords(r: Reach): string {
  return `${r.profile.name} (${formatAccess(r.access)})`;
}

function byArnWords(r: Reach): string {
  return `${r.profile.name} by ARN only (${formatAccess(r.access)})`;
}

/** The features besides the record identifier and event time (those are named on their own). */
function featureList(detail: FeatureGroupDetail, limit: number): string {
  const names = detail.features.map((f) => f.name).filter((n) => n !== detail.recordIdentifierFeatureName && n !== detail.eventTimeFeatureName);
  return names.length > limit ? `${names.slice(0, limit).join(', ')}, +${names.length - limit} more` : names.join(', ');
}

/** The one-line summary of a reference: who can reach the group, its record identifier and features. */
export function lensTitle(resolution: Resolution, definition?: DefinitionOutcome): string {
  const { reach, byArnOnly, otherAccountArns } = resolution;
  const name = plainLabel(resolution.name);
  if (reach.length === 0) {
    if (otherAccountArns.length > 0) {
      const owners = [...new Set(byArnOnly.map((r) => r.group.ownerAccountId))].join(', ');
      return `$(warning) ${name} is not in any profile's own account (owner ${plainLabel(owners)}): use its ARN · ${plainLabel(byArnOnly.map(byArnWords).join(', '))}`;
    }
    const partial = resolution.problems.length > 0 ? ' (some listings failed)' : '';
    return `$(circle-slash) No profile reaches ${name}${partial}`;
  }
  const parts = [plainLabel([...reach.map(reachWords), ...byArnOnly.map(byArnWords)].join(', '))];
  if (definition?.kind === 'described') {
    const d = definition.detail;
    parts.push(`record id ${plainLabel(d.recordIdentifierFeatureName)}`, `features: ${plainLabel(featureList(d, LENS_FEATURES))}`);
  } else if (definition?.kind === 'unreadable') {
    parts.push('discoverable only: no share grants reading');
  } else if (definition?.kind === 'error') {
    parts.push(`could not describe: ${plainLabel(definition.message)}`);
  }
  return `$(database) ${parts.join(' · ')}`;
}

export function recordLensTitle(recordId: string): string {
  return `$(search) Look up record ${plainLabel(JSON.stringify(recordId))}`;
}

export interface HoverLinks {
  /** Opens the record inspector: given the reader profile, the group ARN and the record id. */
  inspect(profile: string, groupArn: string, recordId?: string): string;
  /** Looks up another record of the same group (the command asks for the id). */
  lookUp?(): string;
}

function roleOf(def: FeatureDefinition, detail: FeatureGroupDetail): string {
  if (def.name === detail.recordIdentifierFeatureName) return ' — record identifier';
  if (def.name === detail.eventTimeFeatureName) return ' — event time';
  return '';
}

function reachTable(resolution: Resolution): string[] {
  const rows = [
    ...resolution.reach.map((r) => [r.profile.name, formatAccess(r.access), r.access === 'owner' ? 'own account' : `shared by ${r.group.ownerAccountId}`]),
    ...resolution.byArnOnly.map((r) => [r.profile.name, formatAccess(r.access), `by ARN only (owner ${r.group.ownerAccountId})`]),
  ];
  if (rows.length === 0) return [];
  return ['| Profile | Access | How |', '|---|---|---|', ...rows.map((cells) => `| ${cells.map(escapeMarkdown).join(' | ')} |`), ''];
}

function recordSection(lookup: RecordLookup, links: HoverLinks): string[] {
  const id = escapeMarkdown(lookup.recordId);
  switch (lookup.kind) {
    case 'found': {
      const { group, record } = lookup;
      const known = new Set(group.features.map((f) => f.name));
      const names = [...group.features.map((f) => f.name).filter((n) => n in record.values), ...Object.keys(record.values).filter((n) => !known.has(n))];
      const lines = [
        `**Record ${id}** (read as ${escapeMarkdown(lookup.profile)})`,
        '',
        '| Feature | Value |',
        '|---|---|',
        ...names.map((n) => `| ${escapeMarkdown(n)} | ${escapeMarkdown(formatValue(record.values[n]))} |`),
        '',
      ];
      if (record.expiresAt) lines.push(`Expires ${escapeMarkdown(record.expiresAt)}`, '');
      lines.push(`[Open in Record Inspector](${links.inspect(lookup.profile, group.arn, lookup.recordId)})`, '');
      return lines;
    }
    case 'notFound':
      return [`**Record ${id}**: no record with ${escapeMarkdown(lookup.group.recordIdentifierFeatureName)} ${id} in ${escapeMarkdown(lookup.group.name)} (read as ${escapeMarkdown(lookup.profile)}).`, ''];
    case 'unreadable':
      return [`**Record ${id}**: no profile may read this group's records.`, ''];
    case 'error':
      return [`**Record ${id}**: could not be read${lookup.profile ? ` as ${escapeMarkdown(lookup.profile)}` : ''}: ${escapeMarkdown(lookup.message)}`, ''];
  }
}

export interface HoverContent {
  resolution: Resolution;
  definition?: DefinitionOutcome;
  records: RecordLookup[];
  /** Record ids written next to the reference but not looked up (too many to read in a hover). */
  skippedRecordIds?: number;
}

export function hoverMarkdown(content: HoverContent, links: HoverLinks): string {
  const { resolution, definition } = content;
  const lines: string[] = [];
  const owner = resolution.reach[0]?.group.ownerAccountId ?? (resolution.otherAccountArns.length ? undefined : resolution.byArnOnly[0]?.group.ownerAccountId);
  lines.push(`**${escapeMarkdown(resolution.name)}** — feature group${owner ? ` of account ${escapeMarkdown(owner)}` : ''}`, '');
  if (resolution.reach.length === 0 && resolution.otherAccountArns.length > 0) {
    lines.push(
      `A bare name always means the caller's own account, and no profile owns a group named ${escapeMarkdown(resolution.name)}. Use the ARN: ${resolution.otherAccountArns.map(escapeMarkdown).join(' or ')}`,
      '',
    );
  } else if (resolution.reach.length === 0) {
    lines.push(`No profile owns this feature group or has it shared.${resolution.isArn ? '' : ' A bare name means the caller\'s own account.'}`, '');
  }
  // The records come first: with a literal id in the code, its values are what the hover is for.
  for (const lookup of content.records) lines.push(...recordSection(lookup, links));
  if (content.skippedRecordIds) lines.push(`${content.skippedRecordIds} more record ids not shown.`, '');
  if (content.records.length) lines.push('---', '');
  lines.push(...reachTable(resolution));
  if (definition?.kind === 'described') {
    const d = definition.detail;
    const idDef = d.features.find((f) => f.name === d.recordIdentifierFeatureName);
    lines.push(`Record identifier: **${escapeMarkdown(d.recordIdentifierFeatureName)}**${idDef ? ` (${escapeMarkdown(formatFeatureType(idDef))})` : ''}  `);
    lines.push(`Features: ${d.features.map((f) => `${escapeMarkdown(f.name)} (${escapeMarkdown(formatFeatureType(f))}${escapeMarkdown(roleOf(f, d))})`).join(', ')}`, '');
    if (d.description) lines.push(`_${escapeMarkdown(d.description)}_`, '');
  } else if (definition?.kind === 'unreadable' && resolution.reach.length > 0) {
    lines.push('Discoverable only: no share grants describing the group or reading its records. Ask the owner for a feature-group share.', '');
  } else if (definition?.kind === 'error') {
    lines.push(`Could not describe it as ${escapeMarkdown(definition.reach.profile.name)}: ${escapeMarkdown(definition.message)}`, '');
  }
  for (const problem of resolution.problems) {
    lines.push(`⚠ ${escapeMarkdown(problem.profile)}: could not list ${problem.listing === 'profiles' ? 'profiles' : `${problem.listing} groups`}: ${escapeMarkdown(problem.message)}  `);
  }
  if (resolution.problems.length) lines.push('');
  const reader = definition?.kind === 'described' ? definition : undefined;
  const actions: string[] = [];
  if (reader && content.records.length === 0) actions.push(`[Open in Record Inspector](${links.inspect(reader.reach.profile.name, reader.detail.arn)})`);
  if (reader && links.lookUp) actions.push(`[Look Up Record…](${links.lookUp()})`);
  if (actions.length) lines.push(actions.join(' · '));
  return lines.join('\n').trimEnd();
}

export interface RecordSnapshot {
  profile: string;
  group: FeatureGroupDetail;
  recordId: string;
  record: FeatureRecord;
  readAt: Date;
}

/** `// header` lines, then the record as JSON in the group's feature order (wire values: strings and string lists). */
export function recordText(s: RecordSnapshot): string {
  // A line break in data would end the comment and turn the rest into (bogus) JSON.
  const oneLine = (t: string) => t.replace(/[\r\n\u2028\u2029]+/g, ' ');
  const known = s.group.features.map((f) => f.name).filter((n) => n in s.record.values);
  const extra = Object.keys(s.record.values).filter((n) => !known.includes(n));
  const ordered: Record<string, string | string[]> = {};
  for (const n of [...known, ...extra]) ordered[n] = s.record.values[n];
  const header = [
    `// ${oneLine(s.group.name)} · record ${oneLine(JSON.stringify(s.recordId))}`,
    `// read as ${oneLine(s.profile)} (${formatAccess(s.group.access)}) at ${s.readAt.toISOString().replace(/\.\d{3}Z$/, 'Z')}`,
    `// ${s.group.arn}`,
  ];
  if (s.record.expiresAt) header.push(`// expires ${oneLine(s.record.expiresAt)}`);
  return `${header.join('\n')}\n${JSON.stringify(ordered, null, 2)}\n`;
}
