// Every command id the extension contributes (package.json `contributes.commands` lists the same).
export const COMMANDS = {
  refresh: 'featureStoreExplorer.refresh',
  shareFeatureGroup: 'featureStoreExplorer.shareFeatureGroup',
  shareFeatureGroups: 'featureStoreExplorer.shareFeatureGroups',
  shareCatalog: 'featureStoreExplorer.shareCatalog',
  addToShare: 'featureStoreExplorer.addToShare',
  removeFromShare: 'featureStoreExplorer.removeFromShare',
  deleteShare: 'featureStoreExplorer.deleteShare',
  reinvitePrincipal: 'featureStoreExplorer.reinvitePrincipal',
  acceptInvitation: 'featureStoreExplorer.acceptInvitation',
  rejectInvitation: 'featureStoreExplorer.rejectInvitation',
  copyArn: 'featureStoreExplorer.copyArn',
  openRecordInspector: 'featureStoreExplorer.openRecordInspector',
  showLog: 'featureStoreExplorer.showLog',
  openAwsConfig: 'featureStoreExplorer.openAwsConfig',
  showSandboxInstructions: 'featureStoreExplorer.showSandboxInstructions',
  /** Internal: what clicking an error row does. */
  retry: 'featureStoreExplorer.retry',
} as const;

export type CommandId = (typeof COMMANDS)[keyof typeof COMMANDS];
