// At most one inspector per (profile, feature group ARN): opening it again reveals the open one.
import * as vscode from 'vscode';
import type { AccountContext, FeatureGroupDetail } from '../aws/model';
import type { RecordService } from '../aws/records';
import { RecordInspectorPanel } from './panel';

export class InspectorPanels implements vscode.Disposable {
  private readonly panels = new Map<string, RecordInspectorPanel>();

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly records: () => RecordService,
    private readonly log: vscode.LogOutputChannel,
  ) {}

  static key(profile: string, featureGroupArn: string): string {
    return JSON.stringify([profile, featureGroupArn]);
  }

  open(context: AccountContext, group: FeatureGroupDetail): RecordInspectorPanel {
    const key = InspectorPanels.key(context.profile.name, group.arn);
    const open = this.panels.get(key);
    if (open) {
      open.reveal();
      return open;
    }
    const panel = new RecordInspectorPanel(this.extensionUri, context, group, this.records, this.log, () => this.panels.delete(key));
    this.panels.set(key, panel);
    return panel;
  }

  find(profile: string, featureGroupArn: string): RecordInspectorPanel | undefined {
    return this.panels.get(InspectorPanels.key(profile, featureGroupArn));
  }

  get count(): number {
    return this.panels.size;
  }

  dispose(): void {
    for (const panel of [...this.panels.values()]) panel.dispose();
    this.panels.clear();
  }
}
