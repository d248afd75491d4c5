// What every command needs; built once in extension.ts.
import type * as vscode from 'vscode';
import type { InspectorPanels } from '../inspector/panels';
import type { FeatureStoreTreeProvider } from '../tree/provider';
import type { Services } from '../util/services';

export interface CommandEnv {
  tree: FeatureStoreTreeProvider;
  services(): Services;
  log: vscode.LogOutputChannel;
  inspectors: InspectorPanels;
}
