// Profiles as users really have them, in real VS Code: the suite edits the AWS config and credentials
// files the runner gave the extension host (AWS_CONFIG_FILE / AWS_SHARED_CREDENTIALS_FILE) and
// watches the tree follow — no refresh command. Role chains through the sandbox STS,
// credential_process scripts, an SSO profile without a token, an MFA prompt left unanswered, an
// unreachable and a throttled profile beside working ones, a profile whose keys switch to another
// account, added regions, and 500 profiles. The original files are put back at the end.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { suite, suiteSetup, suiteTeardown, test } from 'mocha';
import * as vscode from 'vscode';
import { startSandbox, type Sandbox } from '../../sandbox';
import type { ExplorerApi, TreeSnapshotNode } from '../../src/extension';
import { SSO_LOGIN_COMMAND } from '../../src/profiles/ssoLogin';
import { TEST_SECRETS } from './profilesFixtures';
import { child, explorerApi, labels, resetSandbox, sandboxUrl } from './support';


const DEMO_ROOTS = ['analytics', 'marketing', 'partner'];
const OWNED_BY_ANALYTICS = ['churn-scores', 'customer-profile', 'product-catalog', 'transactions'];

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** Polls until `check` returns something (generous: the machine is shared and slow). */
async function waitFor<T>(what: string, check: () => Promise<T | undefined>, timeoutMs = 90_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value !== undefined) return value;
    } catch (err) {
      last = err;
    }
    if (Date.now() > deadline) throw new Error(`gave up waiting for ${what}${last ? `: ${String(last)}` : ''}`);
    await new Promise((r) => setTimeout(r, 500));
  }
}

async function rootsAre(api: ExplorerApi, expected: string[]): Promise<TreeSnapshotNode[]> {
  return waitFor(`the roots ${expected.join(', ')}`, async () => {
    const roots = await api.snapshot(1);
    return JSON.stringify(labels(roots)) === JSON.stringify(expected) ? roots : undefined;
  });
}

/** One root with its children and theirs, as a user expanding it sees them; no other root loads. */
async function expand(api: ExplorerApi, label: string): Promise<TreeSnapshotNode> {
  const root = await api.snapshotRoot(label, 3);
  assert.ok(root, `no root "${label}"`);
  return root;
}

function readLog(api: ExplorerApi): string {
  try {
    return fs.readFileSync(api.logFile.fsPath, 'utf8');
  } catch {
    return '';
  }
}

suite('profiles and credentials', function () {
  this.timeout(180_000);
  let api: ExplorerApi;
  let configFile: string;
  let credentialsFile: string;
  let originalConfig: string;
  let originalCredentials: string;
  let scripts: string;
  let throttledSandbox: Sandbox;
  let deadPort: number;

  const node = JSON.stringify(process.execPath);
  const extraConfig = () => `
[profile role-analytics]
role_arn = arn:aws:iam::111111111111:role/FeatureStoreReader
source_profile = partner
region = us-east-1
endpoint_url = ${sandboxUrl()}

[profile process-marketing]
credential_process = ${node} ${path.join(scripts, 'creds.js')}
region = us-east-1
endpoint_url = ${sandboxUrl()}

[profile process-failing]
credential_process = ${node} ${path.join(scripts, 'fail.js')}
region = us-east-1
endpoint_url = ${sandboxUrl()}

[sso-session fsx-test-nobody-logged-in]
sso_start_url = https://fsx-test-nobody.example.awsapps.com/start
sso_region = us-east-1

[profile sso-nobody]
sso_session = fsx-test-nobody-logged-in
sso_account_id = 111111111111
sso_role_name = Reader
region = us-east-1
endpoint_url = ${sandboxUrl()}

[profile mfa-role]
role_arn = arn:aws:iam::111111111111:role/NeedsMfa
source_profile = partner
mfa_serial = arn:aws:iam::333333333333:mfa/tester
region = us-east-1
endpoint_url = ${sandboxUrl()}

[profile offline]
region = us-east-1
endpoint_url = http://127.0.0.1:${deadPort}

[profile throttled]
region = us-east-1
endpoint_url = ${throttledSandbox.url}
`;
  const extraCredentials = `
[offline]
aws_access_key_id = 111111111111
aws_secret_access_key = ${TEST_SECRETS.staticKey}

[throttled]
aws_access_key_id = 111111111111
aws_secret_access_key = ${TEST_SECRETS.staticKey}
`;
  const ALL_ROOTS = ['analytics', 'marketing', 'mfa-role', 'offline', 'partner', 'process-failing', 'process-marketing', 'role-analytics', 'sso-nobody', 'throttled'];

  suiteSetup(async () => {
    await resetSandbox();
    api = await explorerApi();
    configFile = process.env.AWS_CONFIG_FILE ?? '';
    credentialsFile = process.env.AWS_SHARED_CREDENTIALS_FILE ?? '';
    assert.ok(configFile && credentialsFile, 'the runner names the AWS files in the environment');
    originalConfig = fs.readFileSync(configFile, 'utf8');
    originalCredentials = fs.readFileSync(credentialsFile, 'utf8');
    scripts = fs.mkdtempSync(path.join(os.tmpdir(), 'fsx-vscode-profiles-'));
    fs.writeFileSync(
      path.join(scripts, 'creds.js'),
      `console.log(JSON.stringify({ Version: 1, AccessKeyId: '222222222222', SecretAccessKey: '${TEST_SECRETS.processKey}', SessionToken: '${TEST_SECRETS.processToken}', Expiration: new Date(Date.now() + 3600e3).toISOString() }));\n`,
    );
    fs.writeFileSync(path.join(scripts, 'fail.js'), `console.error('vault is locked; last key aws_secret_access_key=${TEST_SECRETS.leakedOnStderr}'); process.exit(2);\n`);
    deadPort = await closedPort();
    // A second sandbox that throttles everything: one profile throttled, the others not.
    throttledSandbox = await startSandbox({ seed: 'demo' });
    const res = await fetch(`${throttledSandbox.url}/_sandbox/faults`, { method: 'POST', body: JSON.stringify({ operation: '*', kind: 'throttle', rate: 1 }) });
    assert.equal(res.status, 200);
    await api.refresh();
    await rootsAre(api, DEMO_ROOTS);
    fs.writeFileSync(configFile, originalConfig + extraConfig());
    fs.writeFileSync(credentialsFile, originalCredentials + extraCredentials);
  });

  suiteTeardown(async () => {
    if (originalConfig !== undefined) fs.writeFileSync(configFile, originalConfig);
    if (originalCredentials !== undefined) fs.writeFileSync(credentialsFile, originalCredentials);
    await vscode.workspace.getConfiguration('featureStoreExplorer').update('additionalRegions', undefined, vscode.ConfigurationTarget.Global);
    if (api) await rootsAre(api, DEMO_ROOTS);
    await throttledSandbox?.stop();
    if (scripts) fs.rmSync(scripts, { recursive: true, force: true });
  });

  test('profiles added to the files appear without a refresh, and the demo profiles keep working', async () => {
    await rootsAre(api, ALL_ROOTS);
    assert.equal(child((await expand(api, 'analytics')).children, 'Owned').label, 'Owned (4)');
  });

  test('role_arn + source_profile: the role is assumed through the sandbox STS and its account listed', async () => {
    const role = await expand(api, 'role-analytics');
    assert.match(role.description ?? '', /^111111111111 · us-east-1 · /);
    const owned = child(role.children, 'Owned');
    assert.equal(owned.label, 'Owned (4)');
    assert.deepEqual(labels(owned.children), OWNED_BY_ANALYTICS);
  });

  test('credential_process: the script supplies the keys of its account', async () => {
    const proc = await expand(api, 'process-marketing');
    assert.match(proc.description ?? '', /^222222222222 · /);
    assert.deepEqual(labels(child(proc.children, 'Owned').children), ['campaign-responses']);
  });

  test('a failing credential_process shows one error row for the profile, naming it, and the way to the config file', async () => {
    const failing = await expand(api, 'process-failing');
    assert.deepEqual(labels(failing.children), [
      `The credential_process of profile process-failing failed (credential_process failed: Command failed: ${node} ${path.join(scripts, 'fail.js')}). Run the command by hand to see why, then retry.`,
      'Open the AWS config file',
    ]);
    assert.equal(failing.children?.[0].contextValue, 'error;retryable');
    assert.ok(!JSON.stringify(failing).includes(TEST_SECRETS.leakedOnStderr), 'what the script printed stays out of the tree');
  });

  test('an SSO profile without a token says to run aws sso login, and offers to run it in a terminal', async () => {
    const sso = await expand(api, 'sso-nobody');
    assert.deepEqual(labels(sso.children), [
      'The SSO session of profile sso-nobody is missing or expired. Run `aws sso login --profile sso-nobody`, then refresh.',
      'Run aws sso login --profile sso-nobody',
    ]);
    assert.equal(sso.children?.[0].contextValue, 'error;retryable');
    const opened = new Promise<vscode.Terminal>((resolve) => {
      const sub = vscode.window.onDidOpenTerminal((t) => {
        if (t.name === 'AWS SSO login (sso-nobody)') {
          sub.dispose();
          resolve(t);
        }
      });
    });
    const line = await vscode.commands.executeCommand<string>(SSO_LOGIN_COMMAND, 'sso-nobody');
    assert.equal(line, 'aws sso login --profile sso-nobody');
    const terminal = await opened;
    terminal.dispose();
    // Closing the login terminal retries the profile: still no token here, so the same rows come back.
    const again = await waitFor('the SSO profile to load again', async () => {
      const rows = (await expand(api, 'sso-nobody')).children;
      return rows?.length === 2 ? rows : undefined;
    });
    assert.match(again[0].label, /aws sso login --profile sso-nobody/);
  });

  test('an MFA prompt left unanswered ends in an error row asking for the code, not a spinner', async () => {
    let settled = false;
    const loading = expand(api, 'mfa-role').finally(() => {
      settled = true;
    });
    // Escape the input box as a user would (it stays open when focus moves elsewhere).
    while (!settled) {
      await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
      await new Promise((r) => setTimeout(r, 300));
    }
    const mfa = await loading;
    assert.deepEqual(labels(mfa.children), ['Profile mfa-role needs an MFA code to assume its role. Retry and enter the code when asked.']);
    assert.equal(mfa.children?.[0].contextValue, 'error;retryable');
  });

  test('an unreachable profile shows its own error while the others list their groups', async () => {
    const offline = await expand(api, 'offline');
    assert.deepEqual(labels(offline.children), [
      `http://127.0.0.1:${deadPort} refused the connection for GetCallerIdentity of profile offline. Start the local sandbox or fix the profile's endpoint_url, then retry.`,
      'Open the AWS config file',
    ]);
    assert.deepEqual(labels(child((await expand(api, 'analytics')).children, 'Owned').children), OWNED_BY_ANALYTICS);
    assert.deepEqual(labels(child((await expand(api, 'marketing')).children, 'Owned').children), ['campaign-responses']);
  });

  test('a throttled profile shows throttling on its own rows while the others list their groups', async () => {
    const throttled = await expand(api, 'throttled');
    for (const category of ['Owned', 'Shared with me', 'Invitations']) {
      const row = child(throttled.children, category);
      assert.equal(row.description, 'could not load', category);
      assert.match(row.children?.[0].label ?? '', /^AWS (RAM )?is throttling \w+ for profile throttled \(still after retries\)\. Wait a few seconds and try again\.$/, category);
    }
    assert.deepEqual(labels(child((await expand(api, 'analytics')).children, 'Owned').children), OWNED_BY_ANALYTICS);
    assert.deepEqual(labels(child((await expand(api, 'role-analytics')).children, 'Owned').children), OWNED_BY_ANALYTICS);
  });

  test("switching a profile's keys to another account never leaves the old account's rows under it", async () => {
    const before = await expand(api, 'partner');
    assert.match(before.description ?? '', /^333333333333 · /);
    assert.equal(child(before.children, 'Owned').label, 'Owned (0)');
    assert.equal(child(before.children, 'Invitations').label, 'Invitations (1)');

    const logBefore = readLog(api).length;
    fs.writeFileSync(credentialsFile, originalCredentials.replace(/(\[partner\][^[]*aws_access_key_id = )333333333333/, '$1111111111111') + extraCredentials);
    // Only the changed profile (and the roles it is the source of) is rebuilt.
    await waitFor('the log to name the changed profiles', async () => (readLog(api).slice(logBefore).includes('AWS config files changed: changed mfa-role, partner, role-analytics.') ? true : undefined));
    for (let i = 0; i < 3; i++) {
      const after = await expand(api, 'partner');
      assert.match(after.description ?? '', /^111111111111 · /);
      assert.equal(child(after.children, 'Owned').label, 'Owned (4)');
      assert.deepEqual(labels(child(after.children, 'Owned').children), OWNED_BY_ANALYTICS);
      assert.equal(child(after.children, 'Invitations').label, 'Invitations (0)', "partner's pending invitation is gone with partner's keys");
    }

    fs.writeFileSync(credentialsFile, originalCredentials + extraCredentials);
    const back = await waitFor('partner to be partner again', async () => {
      const p = await expand(api, 'partner');
      return /^333333333333 · /.test(p.description ?? '') ? p : undefined;
    });
    assert.equal(child(back.children, 'Owned').label, 'Owned (0)');
    assert.equal(child(back.children, 'Invitations').label, 'Invitations (1)');
  });

  test('a removed profile disappears, and its name coming back with other content starts fresh', async () => {
    fs.writeFileSync(configFile, originalConfig + extraConfig().replace(/\[profile offline\][^[]*/, ''));
    fs.writeFileSync(credentialsFile, originalCredentials + extraCredentials.replace(/\[offline\][^[]*/, ''));
    await rootsAre(api, ALL_ROOTS.filter((n) => n !== 'offline'));
    // Back under the same name, now reachable: the old error row must not be what it shows.
    fs.writeFileSync(configFile, `${originalConfig + extraConfig().replace(/\[profile offline\][^[]*/, '')}\n[profile offline]\nregion = us-east-1\nendpoint_url = ${sandboxUrl()}\n`);
    fs.writeFileSync(credentialsFile, originalCredentials + extraCredentials);
    await rootsAre(api, ALL_ROOTS);
    await waitFor('offline to list the groups of its new content', async () => {
      const owned = (await expand(api, 'offline')).children?.find((c) => c.label.startsWith('Owned'));
      return owned && JSON.stringify(labels(owned.children)) === JSON.stringify(OWNED_BY_ANALYTICS) ? owned : undefined;
    });
    fs.writeFileSync(configFile, originalConfig + extraConfig());
    await waitFor('offline to be unreachable again', async () => ((await expand(api, 'offline')).children?.[0]?.label.includes('refused the connection') ? true : undefined));
  });

  test('regions added by the setting are subtrees of their own', async () => {
    await vscode.workspace.getConfiguration('featureStoreExplorer').update('additionalRegions', { analytics: ['eu-west-1'] }, vscode.ConfigurationTarget.Global);
    await rootsAre(api, ['analytics', 'analytics (eu-west-1)', ...ALL_ROOTS.slice(1)]);
    assert.deepEqual(labels(child((await expand(api, 'analytics')).children, 'Owned').children), OWNED_BY_ANALYTICS);
    const europe = await expand(api, 'analytics (eu-west-1)');
    assert.match(europe?.description ?? '', /^111111111111 · eu-west-1 · /);
    assert.equal(child(europe?.children, 'Owned').label, 'Owned (0)', 'the sandbox keeps regions apart, like AWS');
    await vscode.workspace.getConfiguration('featureStoreExplorer').update('additionalRegions', undefined, vscode.ConfigurationTarget.Global);
    await rootsAre(api, ALL_ROOTS);
  });

  test('500 profiles: their roots are listed and none is called until expanded', async () => {
    const bulk = Array.from({ length: 500 }, (_, i) => `[profile bulk-${String(i).padStart(3, '0')}]\nregion = us-east-1\nendpoint_url = ${sandboxUrl()}\n`).join('\n');
    const bulkKeys = Array.from({ length: 500 }, (_, i) => `[bulk-${String(i).padStart(3, '0')}]\naws_access_key_id = 111111111111\naws_secret_access_key = ${TEST_SECRETS.staticKey}\n`).join('\n');
    const logBefore = readLog(api).length;
    fs.writeFileSync(credentialsFile, originalCredentials + bulkKeys);
    fs.writeFileSync(configFile, `${originalConfig}\n${bulk}`);
    const roots = await waitFor('503 roots', async () => {
      const r = await api.snapshot(1);
      return r.length === 503 ? r : undefined;
    });
    assert.equal(roots[0].label, 'analytics');
    assert.equal(roots.filter((r) => r.label.startsWith('bulk-')).length, 500);
    // Expanding one calls AWS for that one only.
    const one = await expand(api, 'bulk-007');
    assert.deepEqual(labels(child(one.children, 'Owned').children), OWNED_BY_ANALYTICS);
    const log = await waitFor('the call log of bulk-007', async () => {
      const text = readLog(api).slice(logBefore);
      return text.includes('AWS call: profile bulk-007, region us-east-1, sagemaker.ListFeatureGroups') ? text : undefined;
    });
    const called = new Set([...log.matchAll(/AWS call: profile (bulk-\d+),/g)].map((m) => m[1]));
    assert.deepEqual([...called], ['bulk-007'], 'no other bulk profile was called');
    fs.writeFileSync(configFile, originalConfig + extraConfig());
    fs.writeFileSync(credentialsFile, originalCredentials + extraCredentials);
    await rootsAre(api, ALL_ROOTS);
  });
});
