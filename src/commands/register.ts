// Registers every command. Handlers take an optional tree node or argument object (see each file)
// and return what happened, so other extensions and the tests can drive them without dialogs.
import * as vscode from 'vscode';
import { ErrorNode } from '../tree/leafNodes';
import { ExplorerNode } from '../tree/node';
import { copyArn } from './copyArn';
import type { CommandEnv } from './env';
import { openAwsConfig, registerHelpDocuments, showSandboxInstructions } from './help';
import { COMMANDS } from './ids';
import { acceptInvitation, rejectInvitation } from './invitations';
import { openRecordInspector } from './openRecordInspector';
import { deleteShare } from './deleteShare';
import { shareCatalog } from './shareCatalog';
import { shareFeatureGroup, shareFeatureGroups } from './shareFeatureGroup';
import { addToShare, reinvitePrincipal, removeFromShare } from './shareMembers';

export function registerCommands(env: CommandEnv): vscode.Disposable[] {
  const register = (id: string, handler: (arg?: unknown) => unknown) => vscode.commands.registerCommand(id, handler);
  return [
    registerHelpDocuments(),
    register(COMMANDS.refresh, (node) => env.tree.refresh(node instanceof ExplorerNode ? node : undefined)),
    register(COMMANDS.shareFeatureGroup, (arg) => shareFeatureGroup(env, arg)),
    register(COMMANDS.shareFeatureGroups, (arg) => shareFeatureGroups(env, arg)),
    register(COMMANDS.shareCatalog, (arg) => shareCatalog(env, arg)),
    register(COMMANDS.addToShare, (arg) => addToShare(env, arg)),
    register(COMMANDS.removeFromShare, (arg) => removeFromShare(env, arg)),
    register(COMMANDS.deleteShare, (arg) => deleteShare(env, arg)),
    register(COMMANDS.reinvitePrincipal, (arg) => reinvitePrincipal(env, arg)),
    register(COMMANDS.acceptInvitation, (arg) => acceptInvitation(env, arg)),
    register(COMMANDS.rejectInvitation, (arg) => rejectInvitation(env, arg)),
    register(COMMANDS.copyArn, (arg) => copyArn(env, arg)),
    register(COMMANDS.openRecordInspector, async (arg) => {
      // The panel object stays inside the extension; callers learn whether it opened.
      const panel = await openRecordInspector(env, arg);
      return panel !== undefined;
    }),
    register(COMMANDS.showLog, () => env.log.show()),
    register(COMMANDS.openAwsConfig, () => openAwsConfig()),
    register(COMMANDS.showSandboxInstructions, () => showSandboxInstructions()),
    register(COMMANDS.retry, (node) => {
      if (node instanceof ErrorNode) node.retry?.();
    }),
  ];
}
