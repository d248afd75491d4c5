// Completions inside FeatureGroupName strings (every profile's owned groups by name, shared and
// discoverable ones by ARN, since a bare name means the caller's own account) and inside FeatureNames
// lists (the features of the group in the same call). Answered from the short-lived directory.
import * as vscode from 'vscode';
import type { FeatureGroupSummary } from '../aws/model';
import { formatAccess, formatFeatureType } from '../util/format';
import { isCancelled } from './cancel';
import type { ProfileGroups } from './directory';
import { lookupLanguageOf } from './languages';
import type { LookupService } from './lookupService';
import { completionSiteAt, type CompletionSite } from './scanner';

export const COMPLETION_TRIGGERS = ['"', "'", '`'];

interface GroupChoice {
  group: FeatureGroupSummary;
  /** What gets inserted: the name for owned groups, the ARN otherwise. */
  insert: string;
  /** `analytics (owner)`, `marketing (read-only)`, ... */
  via: string[];
}

/** One choice per text to insert, listing every profile that reaches it that way. */
export function groupChoices(listings: ProfileGroups[]): GroupChoice[] {
  const byInsert = new Map<string, GroupChoice>();
  const add = (group: FeatureGroupSummary, insert: string, via: string) => {
    const known = byInsert.get(insert);
    if (known) known.via.push(via);
    else byInsert.set(insert, { group, insert, via: [via] });
  };
  for (const { profile, owned, shared } of listings) {
    for (const g of owned.ok ? owned.value : []) add(g, g.name, `${profile.name} (owner)`);
    for (const g of shared.ok ? shared.value : []) add(g, g.arn, `${profile.name} (${formatAccess(g.access)})`);
  }
  return [...byInsert.values()];
}

export class LookupCompletionProvider implements vscode.CompletionItemProvider {
  constructor(private readonly lookup: LookupService) {}

  async provideCompletionItems(document: vscode.TextDocument, position: vscode.Position, token: vscode.CancellationToken): Promise<vscode.CompletionItem[] | undefined> {
    const language = lookupLanguageOf(document);
    if (!language) return undefined;
    const site = completionSiteAt(document.getText(), document.offsetAt(position), language);
    if (!site) return undefined;
    const range = new vscode.Range(document.positionAt(site.start), document.positionAt(site.end));
    try {
      return site.kind === 'featureGroup' ? await this.groupItems(site.typed, range, token) : await this.featureItems(site, range, token);
    } catch (err) {
      if (isCancelled(err)) return undefined;
      throw err;
    }
  }

  private async groupItems(typed: string, range: vscode.Range, token: vscode.CancellationToken): Promise<vscode.CompletionItem[]> {
    const choices = groupChoices(await this.lookup.directory.allGroups(token));
    const byArn = typed.startsWith('arn:');
    return choices.map(({ group, insert, via }) => {
      const owned = insert === group.name;
      const item = new vscode.CompletionItem(
        { label: group.name, description: owned ? `owned · ${via.join(', ')}` : `${group.ownerAccountId} · ${via.join(', ')}` },
        owned ? vscode.CompletionItemKind.Value : vscode.CompletionItemKind.Reference,
      );
      item.insertText = insert;
      item.range = range;
      // Typing an ARN filters on ARNs, typing a name on names (the ARN is what gets inserted for shared groups).
      item.filterText = byArn ? group.arn : group.name;
      item.detail = owned ? group.arn : `${group.arn} — by ARN: a bare name would mean the caller's own account`;
      item.sortText = `${owned ? 0 : group.access === 'discoverOnly' ? 2 : 1}${group.name}`;
      return item;
    });
  }

  private async featureItems(site: Extract<CompletionSite, { kind: 'featureName' }>, range: vscode.Range, token: vscode.CancellationToken): Promise<vscode.CompletionItem[]> {
    if (!site.group) return [];
    const resolution = await this.lookup.resolve(site.group.target, token);
    const definition = await this.lookup.definition(resolution, token);
    if (definition.kind !== 'described') return [];
    const { detail } = definition;
    return detail.features
      .filter((f) => !site.present.includes(f.name))
      .map((f, i) => {
        const item = new vscode.CompletionItem({ label: f.name, description: formatFeatureType(f) }, vscode.CompletionItemKind.Field);
        item.range = range;
        item.detail = `${detail.name} · ${formatFeatureType(f)}${f.name === detail.recordIdentifierFeatureName ? ' · record identifier' : f.name === detail.eventTimeFeatureName ? ' · event time' : ''}`;
        item.sortText = String(i).padStart(5, '0');
        return item;
      });
  }
}
