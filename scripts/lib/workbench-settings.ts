// User settings for a quiet, deterministic workbench: no welcome page, walkthroughs, trust prompt,
// update checks, tips or telemetry — so the first thing on screen is the editor the test drives.
import fs from 'node:fs';
import path from 'node:path';

export const QUIET_WORKBENCH_SETTINGS: Record<string, unknown> = {
  'workbench.startupEditor': 'none',
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'security.workspace.trust.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'git.enabled': false,
  'chat.commandCenter.enabled': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'editor.minimap.enabled': false,
};

/** Writes `<userDataDir>/User/settings.json` (code-server keeps user settings on the server). */
export function writeUserSettings(userDataDir: string, extra: Record<string, unknown> = {}): string {
  const dir = path.join(userDataDir, 'User');
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, 'settings.json');
  fs.writeFileSync(file, JSON.stringify({ ...QUIET_WORKBENCH_SETTINGS, ...extra }, null, 2) + '\n');
  return file;
}
