// When a whole profile fails the same way (no credentials, an expired SSO session, an MFA code not
// given, an endpoint that does not answer), its expanded row shows that once, with the next step,
// instead of four categories each saying the same thing.
import type * as vscode from 'vscode';
import { COMMANDS } from '../commands/ids';
import { isProfileWide, nextStepsFor, type AwsCallError } from '../aws/errors';
import type { Outcome } from '../util/lazy';
import { logFailure } from '../util/log';
import { ErrorNode, MessageNode } from '../tree/leafNodes';
import { asCallError, type ExplorerNode } from '../tree/node';
import { ssoLoginCommandLine } from '../aws/credentialsSso';
import { SSO_LOGIN_COMMAND } from './ssoLogin';

/**
 * The profile's failure, when the account id and every listing failed and the cause is the
 * profile's own (credentials, endpoint); undefined when anything loaded or the causes differ.
 */
export function profileWideFailure(profile: string, account: Outcome<string>, listings: Outcome<unknown>[]): AwsCallError | undefined {
  if (account.ok || listings.some((o) => o.ok)) return undefined;
  const error = asCallError(account.error, profile, 'GetCallerIdentity');
  return isProfileWide(error.kind) ? error : undefined;
}

/** Failures already written to the log: a row is rendered many times, the detail is logged once. */
const logged = new WeakSet<AwsCallError>();

/** The error row (click: retry) and one row per next step; the detail goes to the log once. */
export function profileFailureRows(parent: ExplorerNode, profile: string, error: AwsCallError, retry: () => void, log?: vscode.LogOutputChannel): ExplorerNode[] {
  if (log && !logged.has(error)) {
    logged.add(error);
    logFailure(log, `Loading profile ${profile}`, error);
  }
  return [new ErrorNode(parent, 'profile', error, retry), ...nextStepRows(parent, profile, error)];
}

/**
 * A row per next step of the failure (sign in with SSO, open the config file); none for most. Under
 * one listing (`listing`), an endpoint that did not answer once is more likely the network than the
 * config file: no row for it there.
 */
export function nextStepRows(parent: ExplorerNode, profile: string, error: AwsCallError, opts: { listing?: boolean } = {}): ExplorerNode[] {
  const rows: ExplorerNode[] = [];
  if (opts.listing && error.kind === 'unreachable') return rows;
  for (const step of nextStepsFor(error.kind)) {
    if (step === 'ssoLogin') {
      const line = ssoLoginCommandLine(profile);
      rows.push(new MessageNode(parent, 'ssoLogin', `Run ${line}`, { command: SSO_LOGIN_COMMAND, title: 'Sign In with AWS SSO', arguments: [profile] }, 'terminal'));
    } else {
      rows.push(new MessageNode(parent, 'openConfig', 'Open the AWS config file', { command: COMMANDS.openAwsConfig, title: 'Open AWS Config File' }, 'go-to-file'));
    }
  }
  return rows;
}
