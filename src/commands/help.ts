// Getting started: open the AWS config file (creating it from a template), read how to run the local
// sandbox, and open the log.
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { sharedFilePaths } from '../aws/profiles';

const CONFIG_TEMPLATE = `# AWS config file: one section per profile. The Feature Store view shows every profile here.
# Static keys usually live in the credentials file next to this one.
#
# [profile analytics]
# region = us-east-1
# # Optional: send every call to another endpoint, e.g. the local sandbox (npm run sandbox).
# endpoint_url = http://127.0.0.1:4566
`;

export async function openAwsConfig(): Promise<void> {
  const { configFile } = sharedFilePaths();
  const exists = fs.existsSync(configFile);
  // An untitled document with the file's path creates the file when saved.
  const uri = exists ? vscode.Uri.file(configFile) : vscode.Uri.file(configFile).with({ scheme: 'untitled' });
  const doc = await vscode.workspace.openTextDocument(uri);
  const editor = await vscode.window.showTextDocument(doc);
  if (!exists && doc.getText() === '') await editor.edit((b) => b.insert(new vscode.Position(0, 0), CONFIG_TEMPLATE));
}

export const SANDBOX_INSTRUCTIONS = `# Try Feature Store Explorer without an AWS account

The project ships a local sandbox that speaks the AWS wire protocols the extension uses
(SageMaker, the Feature Store runtime, RAM and STS). Its demo data has three accounts:
**analytics** (111111111111) owns four feature groups and shares some of them,
**marketing** (222222222222) sees what analytics shared, **partner** (333333333333) has a pending invitation.

## 1. Start the sandbox

In a clone of the extension's repository:

\`\`\`sh
npm run sandbox -- --port 4566 --seed demo
\`\`\`

It prints \`Sandbox listening on http://127.0.0.1:4566\` once ready. (\`npm run demo\` starts the
sandbox and an editor with these profiles already set up.)

## 2. Add the demo profiles

Put these in an AWS config file (any secret works; the access key id is the account):

\`\`\`ini
[profile analytics]
aws_access_key_id = 111111111111
aws_secret_access_key = sandbox
region = us-east-1
endpoint_url = http://127.0.0.1:4566

[profile marketing]
aws_access_key_id = 222222222222
aws_secret_access_key = sandbox
region = us-east-1
endpoint_url = http://127.0.0.1:4566

[profile partner]
aws_access_key_id = 333333333333
aws_secret_access_key = sandbox
region = us-east-1
endpoint_url = http://127.0.0.1:4566
\`\`\`

To keep your real \`~/.aws/config\` untouched, write them to another file and start VS Code with
\`AWS_CONFIG_FILE=/path/to/that/file\`.

## 3. Refresh the Feature Store view

Expand a profile: Owned, Shared with me and Invitations load from the sandbox.
`;

/** Read-only documents of the extension (no "save?" prompt when closed). */
const HELP_SCHEME = 'feature-store-explorer-help';
const SANDBOX_DOC = vscode.Uri.from({ scheme: HELP_SCHEME, path: '/Local sandbox.md' });

export function registerHelpDocuments(): vscode.Disposable {
  return vscode.workspace.registerTextDocumentContentProvider(HELP_SCHEME, {
    provideTextDocumentContent: (uri) => (uri.path === SANDBOX_DOC.path ? SANDBOX_INSTRUCTIONS : ''),
  });
}

export async function showSandboxInstructions(): Promise<void> {
  try {
    await vscode.commands.executeCommand('markdown.showPreview', SANDBOX_DOC);
  } catch {
    // Without the built-in Markdown extension: the source is readable too.
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(SANDBOX_DOC));
  }
}
