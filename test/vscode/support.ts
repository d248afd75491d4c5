// Shared helpers of the extension-host tests.
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ExplorerApi, TreeSnapshotNode } from '../../src/extension';

export const EXTENSION_ID = 'featurestore-explorer.feature-store-explorer';

export async function explorerApi(): Promise<ExplorerApi> {
  const ext = vscode.extensions.getExtension<ExplorerApi>(EXTENSION_ID);
  assert.ok(ext, `extension ${EXTENSION_ID} is not loaded`);
  return ext.activate();
}

export function sandboxUrl(): string {
  const url = process.env.FSE_SANDBOX_URL;
  assert.ok(url, 'FSE_SANDBOX_URL is not set: run this suite with npm run test:vscode');
  return url;
}

/** Back to the demo seed, so each test file starts from the state the brief describes. */
export async function resetSandbox(): Promise<void> {
  const res = await fetch(`${sandboxUrl()}/_sandbox/reset`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ seed: 'demo' }) });
  assert.equal(res.status, 200, `sandbox reset answered ${res.status}`);
}

export async function setFault(body: { operation: string; kind: 'error500' | 'throttle' | 'reset' | 'slow'; rate: number } | undefined): Promise<void> {
  const res = body
    ? await fetch(`${sandboxUrl()}/_sandbox/faults`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })
    : await fetch(`${sandboxUrl()}/_sandbox/faults`, { method: 'DELETE' });
  assert.ok(res.ok, `sandbox faults answered ${res.status}`);
}

/** The child whose label starts with `prefix` (labels carry counts: "Owned (4)"). */
export function child(nodes: TreeSnapshotNode[] | undefined, prefix: string): TreeSnapshotNode {
  const found = nodes?.find((n) => n.label === prefix || n.label.startsWith(`${prefix} (`) || n.label.startsWith(prefix));
  assert.ok(found, `no row "${prefix}" among ${JSON.stringify(nodes?.map((n) => n.label))}`);
  return found;
}

export function labels(nodes: TreeSnapshotNode[] | undefined): string[] {
  return (nodes ?? []).map((n) => n.label);
}
