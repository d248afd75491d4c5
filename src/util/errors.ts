// One sentence per failure for the user; the detail goes to the log.
import * as vscode from 'vscode';
import { AwsCallError } from '../aws/errors';
import { logFailure } from './log';

/** A refusal worded for the user (bad input, nothing to act on): shown as is, not as a failure. */
export class UserError extends Error {
  override readonly name = 'UserError';
}

/** The sentence to show: AwsCallError.userMessage, or the error's own message for anything else. */
export function userMessageOf(err: unknown, what: string): string {
  if (err instanceof AwsCallError) return err.userMessage;
  if (err instanceof UserError) return err.message;
  const message = err instanceof Error ? err.message : String(err);
  return `${what} failed: ${message.replace(/\.$/, '')}. See the Feature Store Explorer log for details.`;
}

/** Logs the failure and shows its sentence (not awaited), with a button that opens the log. Returns the sentence. */
export function reportError(log: vscode.LogOutputChannel, what: string, err: unknown): string {
  logFailure(log, what, err);
  const message = userMessageOf(err, what);
  void vscode.window.showErrorMessage(message, 'Show Log').then((choice) => {
    if (choice === 'Show Log') log.show(true);
  });
  return message;
}
