// Where `aws sso login` leaves its token, and the command line that gets one. Pure: the editor side
// (src/profiles/ssoLogin.ts) opens the terminal and watches the folder.
import { homedir } from 'node:os';
import path from 'node:path';

/** The SDK's home (getHomeDir: HOME, USERPROFILE, HOMEDRIVE+HOMEPATH) and its SSO token folder. */
export function ssoCacheFolder(env: NodeJS.ProcessEnv = process.env): string {
  const home = env.HOME || env.USERPROFILE || (env.HOMEPATH ? `${env.HOMEDRIVE ?? 'C:\\'}${env.HOMEPATH}` : homedir());
  return path.join(home, '.aws', 'sso', 'cache');
}

/** The command to type, with the profile name quoted when a shell could misread it. */
export function ssoLoginCommandLine(profile: string): string {
  const quoted = /^[\w.@%+:/-]+$/.test(profile) ? profile : `'${profile.replaceAll("'", "'\\''")}'`;
  return `aws sso login --profile ${quoted}`;
}
