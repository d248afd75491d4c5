// Every profile of the shared config and credentials files, read with the SDK's own loader so the
// list matches what the SDK (and the AWS CLI) will resolve.
import { homedir } from 'node:os';
import { join } from 'node:path';
import { loadSharedConfigFiles } from '@smithy/core/config';
import { resolveEndpoints } from './endpoints';
import type { ProfileInfo, ProfileKind } from './model';

type Section = Record<string, string | undefined>;

const SSO_SESSION_PREFIX = 'sso-session.';
const SERVICES_PREFIX = 'services.';

function homeOf(env: NodeJS.ProcessEnv): string {
  return env.HOME || env.USERPROFILE || homedir();
}

function expandHome(path: string, env: NodeJS.ProcessEnv): string {
  return path.startsWith('~/') || path.startsWith('~\\') ? join(homeOf(env), path.slice(2)) : path;
}

/** The files the SDK would read for this environment. */
export function sharedFilePaths(env: NodeJS.ProcessEnv = process.env): { configFile: string; credentialsFile: string } {
  return {
    configFile: expandHome(env.AWS_CONFIG_FILE || join(homeOf(env), '.aws', 'config'), env),
    credentialsFile: expandHome(env.AWS_SHARED_CREDENTIALS_FILE || join(homeOf(env), '.aws', 'credentials'), env),
  };
}

/** Same precedence as @aws-sdk/credential-provider-ini's resolveProfileData for the top profile. */
export function detectProfileKind(data: Section): ProfileKind {
  if (data.role_arn && (data.source_profile || data.credential_source)) return 'assumeRole';
  if (data.aws_access_key_id && data.aws_secret_access_key) return 'static';
  if (data.web_identity_token_file && data.role_arn) return 'webIdentity';
  if (data.credential_process) return 'credentialProcess';
  if (data.sso_session || data.sso_start_url || data.sso_account_id || data.sso_region || data.sso_role_name) return 'sso';
  return 'unknown';
}

function isProfileKey(key: string): boolean {
  return !key.startsWith(SSO_SESSION_PREFIX) && !key.startsWith(SERVICES_PREFIX);
}

export async function loadProfiles(opts: { ignoreCache?: boolean; env?: NodeJS.ProcessEnv } = {}): Promise<ProfileInfo[]> {
  const env = opts.env ?? process.env;
  const { configFile, credentialsFile } = sharedFilePaths(env);
  const files = await loadSharedConfigFiles({ configFilepath: configFile, filepath: credentialsFile, ignoreCache: opts.ignoreCache });
  const config = files.configFile as Record<string, Section>;
  const credentials = files.credentialsFile as Record<string, Section>;

  const servicesSections: Record<string, Section> = {};
  for (const [key, section] of Object.entries(config)) {
    if (key.startsWith(SERVICES_PREFIX)) servicesSections[key.slice(SERVICES_PREFIX.length)] = section;
  }

  const names = new Set([...Object.keys(config), ...Object.keys(credentials)].filter(isProfileKey));
  const profiles: ProfileInfo[] = [];
  for (const name of names) {
    // Credentials-file values win over config-file values, as in the SDK's parseKnownFiles.
    const data: Section = { ...config[name], ...credentials[name] };
    const { endpoints, warnings } = resolveEndpoints(data, servicesSections, env);
    const kind = detectProfileKind(data);
    if (kind === 'unknown') warnings.push('The profile has no credentials settings (keys, role, SSO, credential_process or web identity).');
    if (data.source_profile && !names.has(data.source_profile)) warnings.push(`Its source_profile "${data.source_profile}" is not defined.`);
    const region = data.region?.trim() || env.AWS_REGION || env.AWS_DEFAULT_REGION || undefined;
    profiles.push({
      name,
      kind,
      region,
      endpoints,
      configFile,
      credentialsFile,
      ...(data.role_arn ? { roleArn: data.role_arn } : {}),
      ...(data.mfa_serial ? { mfaSerial: data.mfa_serial } : {}),
      ...(warnings.length ? { warnings } : {}),
    });
  }
  return profiles.sort((a, b) => a.name.localeCompare(b.name));
}
