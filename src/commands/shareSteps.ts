// The dialog steps the share flows have in common: choose several groups, a permission, the
// principals (checked while typing), who may be a principal at all, and a modal confirmation.
import * as vscode from 'vscode';
import type { AccountContext, ManagedPermission } from '../aws/model';
import type { FeatureGroupNode } from '../tree/featureGroupNode';
import type { ProfileNode } from '../tree/profileNode';
import type { CommandEnv } from './env';
import { featureGroupNodes, pickAfterLoading, type StepInfo } from './pickers';
import { audienceChoices, permissionExplanation, permissionLabel, principalsOrProblem } from './sharePlan';

type Item<T> = vscode.QuickPickItem & { value: T };

/**
 * A multi-select QuickPick that shows at once (busy) and fills in when `load` settles; `picked`
 * items start checked. Resolves undefined when dismissed, rejects with the load's error.
 */
export function pickManyAfterLoading<T>(step: StepInfo, placeholder: string, load: () => Promise<Item<T>[]>, emptyText: string): Promise<T[] | undefined> {
  const qp = vscode.window.createQuickPick<Item<T>>();
  qp.title = step.title;
  qp.step = step.step;
  qp.totalSteps = step.totalSteps;
  qp.placeholder = placeholder;
  qp.canSelectMany = true;
  qp.matchOnDescription = true;
  qp.busy = true;
  qp.ignoreFocusOut = true;
  return new Promise<T[] | undefined>((resolve, reject) => {
    let settled = false;
    let loaded = false;
    const finish = (value: T[] | undefined, error?: unknown) => {
      if (settled) return;
      settled = true;
      qp.dispose();
      if (error !== undefined) reject(error);
      else resolve(value);
    };
    qp.onDidAccept(() => {
      if (!loaded) return;
      // Enter with nothing checked means the highlighted entry, as a single pick would.
      const chosen = qp.selectedItems.length > 0 ? qp.selectedItems : qp.activeItems.slice(0, 1);
      if (chosen.length > 0) finish(chosen.map((i) => i.value));
    });
    qp.onDidHide(() => finish(undefined));
    qp.show();
    load().then(
      (items) => {
        if (settled) return;
        if (items.length === 0) {
          finish(undefined, new EmptyChoice(emptyText));
          return;
        }
        qp.items = items;
        qp.selectedItems = items.filter((i) => i.picked);
        qp.busy = false;
        loaded = true;
      },
      (err: unknown) => finish(undefined, err ?? new Error('loading failed')),
    );
  });
}

/** Nothing to choose from: a refusal worded for the user, not a failure. */
export class EmptyChoice extends Error {
  override readonly name = 'EmptyChoice';
}

/** Owned groups of the profile, checked ones first (`preselected` ARNs), `exclude`d ARNs left out. */
export function pickOwnedGroups(profile: ProfileNode, step: StepInfo, preselected: string[], exclude: string[] = []): Promise<FeatureGroupNode[] | undefined> {
  return pickManyAfterLoading(
    step,
    'Check the feature groups to share (Space toggles, Enter confirms)',
    async () => {
      const nodes = await featureGroupNodes(profile, { includeShared: false, accept: (g) => g.access === 'owner' && !exclude.includes(g.arn) });
      return nodes.map((n) => ({ label: n.summary.name, description: n.summary.status, picked: preselected.includes(n.summary.arn), value: n }));
    },
    exclude.length ? `Every feature group of profile ${profile.name} is in this share already.` : `Profile ${profile.name} owns no feature groups in ${profile.region}.`,
  );
}

export function pickPermission(env: CommandEnv, ctx: AccountContext, step: StepInfo): Promise<ManagedPermission | undefined> {
  return pickAfterLoading(
    step,
    'What may the principals do with the shared feature groups?',
    async () =>
      (await env.services().sharing.listFeatureGroupPermissions(ctx)).map((p) => ({
        label: permissionLabel(p),
        description: p.name,
        detail: permissionExplanation(p),
        value: p,
      })),
    'RAM lists no managed permissions for feature groups in this region.',
  );
}

/** Principals typed by the user, each checked while typing; undefined when dismissed. */
export async function askPrincipals(step: StepInfo, ownAccountId: string | undefined, prompt: string): Promise<string[] | undefined> {
  const check = (text: string) => {
    const r = principalsOrProblem(text, ownAccountId);
    return 'problem' in r ? { message: r.problem, severity: vscode.InputBoxValidationSeverity.Error } : undefined;
  };
  const box = vscode.window.createInputBox();
  box.title = step.title;
  box.step = step.step;
  box.totalSteps = step.totalSteps;
  box.prompt = prompt;
  box.placeholder = 'e.g. 222222222222, arn:aws:organizations::111111111111:ou/o-abc123defg/ou-ab12-cd34ef56';
  box.ignoreFocusOut = true;
  return new Promise<string[] | undefined>((resolve) => {
    let done = false;
    const finish = (value: string[] | undefined) => {
      if (done) return;
      done = true;
      box.dispose();
      resolve(value);
    };
    box.onDidChangeValue((text) => {
      // Quiet while empty: an error before the first key is noise.
      const problem = text.trim() ? check(text) : undefined;
      box.validationMessage = problem;
    });
    box.onDidAccept(() => {
      const r = principalsOrProblem(box.value, ownAccountId);
      if ('problem' in r) {
        box.validationMessage = { message: r.problem, severity: vscode.InputBoxValidationSeverity.Error };
        return;
      }
      finish(r.principals);
    });
    box.onDidHide(() => finish(undefined));
    box.show();
  });
}

/** allowExternalPrincipals, chosen explicitly with its consequence in view; undefined when dismissed. */
export function pickAudience(step: StepInfo): Promise<boolean | undefined> {
  return pickAfterLoading(
    step,
    'Who may be a principal of this share?',
    async () => audienceChoices().map((c) => ({ label: c.label, description: c.description, detail: c.detail, value: c.allowExternalPrincipals })),
    'No choices',
  );
}

/** A modal warning with one action button; true when it was chosen. */
export async function confirmModal(message: string, detail: string, action: string): Promise<boolean> {
  const choice = await vscode.window.showWarningMessage(message, { modal: true, detail }, action);
  return choice === action;
}
