// Code actions on references: replace a bare name with the ARN it has to be (a quick fix for the
// "only in another account" warning, one per candidate account), and, where a name works for its
// owner but other profiles have the group shared, an optional rewrite to the ARN they would need.
import * as vscode from 'vscode';
import { isCancelled } from './cancel';
import type { EditorReference } from './documents';
import { BARE_NAME_OTHER_ACCOUNT } from './ids';
import type { LookupService } from './lookupService';

function replaceWithArn(document: vscode.TextDocument, reference: EditorReference, arn: string, title: string, kind: vscode.CodeActionKind): vscode.CodeAction {
  const action = new vscode.CodeAction(title, kind);
  action.edit = new vscode.WorkspaceEdit();
  action.edit.replace(document.uri, reference.literalRange, arn);
  return action;
}

export class LookupCodeActionProvider implements vscode.CodeActionProvider {
  static readonly kinds = [vscode.CodeActionKind.QuickFix, vscode.CodeActionKind.RefactorRewrite];

  constructor(private readonly lookup: LookupService) {}

  async provideCodeActions(
    document: vscode.TextDocument,
    range: vscode.Range | vscode.Selection,
    context: vscode.CodeActionContext,
    token: vscode.CancellationToken,
  ): Promise<vscode.CodeAction[]> {
    const references = this.lookup.documents.get(document).filter((r) => !r.ref.isArn && (r.range.intersection(range) || r.literalRange.intersection(range)));
    const actions: vscode.CodeAction[] = [];
    try {
      for (const reference of references) {
        const resolution = await this.lookup.resolve(reference.ref.target, token);
        const diagnostics = context.diagnostics.filter((d) => d.code === BARE_NAME_OTHER_ACCOUNT && d.range.isEqual(reference.literalRange));
        for (const arn of resolution.otherAccountArns) {
          const owner = resolution.byArnOnly.find((r) => r.group.arn === arn)?.group.ownerAccountId;
          const fix = replaceWithArn(document, reference, arn, `Use the ARN of ${resolution.name} in account ${owner}`, vscode.CodeActionKind.QuickFix);
          fix.diagnostics = diagnostics;
          fix.isPreferred = resolution.otherAccountArns.length === 1;
          actions.push(fix);
        }
        if (resolution.reach.length > 0) {
          for (const arn of new Set(resolution.byArnOnly.map((r) => r.group.arn))) {
            const profiles = resolution.byArnOnly.filter((r) => r.group.arn === arn).map((r) => r.profile.name).join(', ');
            actions.push(replaceWithArn(document, reference, arn, `Replace ${resolution.name} with its ARN (how ${profiles} must address it)`, vscode.CodeActionKind.RefactorRewrite));
          }
        }
      }
    } catch (err) {
      if (!isCancelled(err)) throw err;
    }
    return actions;
  }
}
