// "Run aws sso login": opens a terminal with `aws sso login --profile X`. The token it writes lands
// in ~/.aws/sso/cache; a watcher on that folder reloads every profile whose credentials failed, so
// the tree picks the new token up without a window reload (and so does a login run elsewhere).
import * as vscode from 'vscode';
import { ssoCacheFolder, ssoLoginCommandLine } from '../aws/credentialsSso';
import type { ErrorKind } from '../aws/errors';
import { asCallError } from '../tree/node';
import type { ProfileNode } from '../tree/profileNode';
import { watchFiles } from './fileWatcher';

export const SSO_LOGIN_COMMAND = 'featureStoreExplorer.ssoLogin';

/** Failures a new SSO token (or a fresh look at the files) may cure. */
const CURABLE: ReadonlySet<ErrorKind> = new Set<ErrorKind>(['ssoLogin', 'credentialsRejected', 'noCredentials', 'credentialsTimeout']);

export interface SsoLoginDeps {
  /** Roots of the tree (one per profile and region). */
  profileNodes(): Promise<ProfileNode[]>;
  log: vscode.LogOutputChannel;
}

/** Reloads the roots whose account id or a listing failed in a way a new token can cure; returns their names. */
export async function reloadProfilesAfterLogin(deps: SsoLoginDeps, only?: string): Promise<string[]> {
  const reloaded: string[] = [];
  for (const node of await deps.profileNodes()) {
    if (only !== undefined && node.name !== only) continue;
    const outcomes = [node.accountId.peek(), ...[node.owned, node.shared, node.invitations, node.myShares].map((c) => c?.items.peek())];
    const curable = outcomes.some((o) => o && !o.ok && CURABLE.has(asCallError(o.error, node.name, 'GetCallerIdentity').kind));
    if (!curable) continue;
    node.reload();
    reloaded.push(node.name);
  }
  if (reloaded.length) deps.log.info(`Loading again after a change in the SSO token cache: ${[...new Set(reloaded)].join(', ')}.`);
  return reloaded;
}

/** Registers the command and the token-cache watcher. */
export function registerSsoLogin(deps: SsoLoginDeps): vscode.Disposable[] {
  const terminals = new Map<vscode.Terminal, string>();
  return [
    vscode.commands.registerCommand(SSO_LOGIN_COMMAND, async (arg?: unknown) => {
      const profile = typeof arg === 'string' ? arg : await pickSsoProfile(deps);
      if (!profile) return undefined;
      const line = ssoLoginCommandLine(profile);
      deps.log.info(`Opening a terminal for: ${line}`);
      const terminal = vscode.window.createTerminal({ name: `AWS SSO login (${profile})` });
      terminals.set(terminal, profile);
      terminal.show();
      terminal.sendText(line);
      void vscode.window
        .showInformationMessage(`Sign in with the browser page \`${line}\` opens. Profile ${profile} loads again once the new token is saved.`, 'Retry Now')
        .then((choice) => {
          if (choice) void reloadProfilesAfterLogin(deps, profile);
        });
      return line;
    }),
    // When the user closes the login terminal, try again even if the watcher missed the token.
    vscode.window.onDidCloseTerminal((terminal) => {
      const profile = terminals.get(terminal);
      if (profile === undefined) return;
      terminals.delete(terminal);
      void reloadProfilesAfterLogin(deps, profile);
    }),
    watchFiles({ folders: [ssoCacheFolder()] }, () => void reloadProfilesAfterLogin(deps), { debounceMs: 1000 }),
  ];
}

async function pickSsoProfile(deps: SsoLoginDeps): Promise<string | undefined> {
  const names = [...new Set((await deps.profileNodes()).filter((n) => n.profile.kind === 'sso' || n.profile.sourceKind === 'sso').map((n) => n.name))];
  if (names.length === 0) {
    void vscode.window.showInformationMessage('No profile of the Feature Store view uses AWS SSO (IAM Identity Center).');
    return undefined;
  }
  if (names.length === 1) return names[0];
  return vscode.window.showQuickPick(names, { title: 'Sign in to AWS SSO', placeHolder: 'Choose the profile to sign in with' });
}
