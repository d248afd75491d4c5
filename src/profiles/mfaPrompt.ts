// Asks for an MFA code in an input box when a profile's role needs one. One box at a time (VS Code
// shows a single quick input; a second call would silently close the first), and a box nobody
// answers closes by itself, so no load waits forever.
import { CredentialsProviderError } from '@smithy/core/config';
import * as vscode from 'vscode';
import type { MfaCodeProvider } from '../aws/credentials';

/** Long enough to find the phone, short enough that a forgotten box does not hold a load forever. */
export const MFA_PROMPT_TIMEOUT_MS = 5 * 60_000;

const CODE_RE = /^\d{6}$/;

export function validateMfaCode(value: string): string | undefined {
  return CODE_RE.test(value.trim()) ? undefined : 'Enter the 6-digit code your MFA device shows.';
}

/** The text of the box, without the code itself (which is never kept or logged). */
export function mfaPromptText(profile: string, mfaSerial: string): { title: string; prompt: string } {
  return { title: `MFA code for profile ${profile}`, prompt: `Profile ${profile} assumes a role that needs the current code of ${mfaSerial}.` };
}

export function createMfaPrompt(opts: { timeoutMs?: number; log?: vscode.LogOutputChannel } = {}): MfaCodeProvider {
  let queue: Promise<unknown> = Promise.resolve();
  const ask = async (mfaSerial: string, profile: string): Promise<string> => {
    const cancel = new vscode.CancellationTokenSource();
    const timer = setTimeout(() => cancel.cancel(), opts.timeoutMs ?? MFA_PROMPT_TIMEOUT_MS);
    try {
      opts.log?.info(`Asking for the MFA code of ${mfaSerial} (profile ${profile}).`);
      const { title, prompt } = mfaPromptText(profile, mfaSerial);
      const code = await vscode.window.showInputBox({ title, prompt, placeHolder: '123456', ignoreFocusOut: true, validateInput: validateMfaCode }, cancel.token);
      if (code === undefined || validateMfaCode(code)) {
        throw new CredentialsProviderError(`No MFA code was entered for profile ${profile}.`, { tryNextLink: false });
      }
      return code.trim();
    } finally {
      clearTimeout(timer);
      cancel.dispose();
    }
  };
  return (mfaSerial, profile) => {
    const turn = queue.then(() => ask(mfaSerial, profile));
    queue = turn.catch(() => undefined);
    return turn;
  };
}
