// Every profile of the shared config and credentials files, read with the SDK's own loader so the
// list matches what the SDK (and the AWS CLI) will resolve.
import { createHash } from 'node:crypto';
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

/** What the SDK resolves behind a profile: the kind at the end of its source_profile chain, and every MFA device on the way. */
interface ChainFacts {
  /** The profiles visited, the profile itself first (a loop ends with the repeated name). */
  names: string[];
  /** Kind of the last profile of the chain; undefined for a credential_source (environment, EC2, ECS). */
  sourceKind?: ProfileKind;
  mfaSerial?: string;
  cycle: boolean;
}

function isRoleHop(data: Section): boolean {
  // The SDK's isAssumeRoleProfile: a role with exactly one of source_profile / credential_source.
  return !!data.role_arn && !!data.source_profile !== !!data.credential_source;
}

/** Mirrors @aws-sdk/credential-provider-ini's resolveProfileData: in a chained hop, static keys win over a role. */
function followChain(name: string, merged: (n: string) => Section | undefined): ChainFacts {
  const facts: ChainFacts = { names: [], cycle: false };
  let current: string | undefined = name;
  while (current !== undefined) {
    if (facts.names.includes(current)) {
      facts.names.push(current);
      facts.cycle = true;
      facts.sourceKind = 'unknown';
      return facts;
    }
    facts.names.push(current);
    const data: Section = merged(current) ?? {};
    const first = facts.names.length === 1;
    if (!first && data.aws_access_key_id && data.aws_secret_access_key) {
      facts.sourceKind = 'static';
      return facts;
    }
    if (!isRoleHop(data)) {
      facts.sourceKind = detectProfileKind(data);
      return facts;
    }
    facts.mfaSerial ??= data.mfa_serial || undefined;
    current = data.source_profile || undefined;
  }
  // A credential_source (Environment, Ec2InstanceMetadata, EcsContainer) ends the chain outside the files.
  return facts;
}

function fingerprintOf(parts: unknown[]): string {
  return createHash('sha256').update(JSON.stringify(parts)).digest('hex').slice(0, 16);
}

/** The section's entries in a stable order, so reordering lines in a file changes nothing. */
function sorted(section: Section | undefined): [string, string | undefined][] {
  return Object.entries(section ?? {}).sort(([a], [b]) => a.localeCompare(b));
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
  // Credentials-file values win over config-file values, as in the SDK's parseKnownFiles.
  const merged = (name: string): Section | undefined => (names.has(name) ? { ...config[name], ...credentials[name] } : undefined);
  const profiles: ProfileInfo[] = [];
  for (const name of names) {
    const data = merged(name) ?? {};
    const { endpoints, warnings } = resolveEndpoints(data, servicesSections, env);
    const kind = detectProfileKind(data);
    if (kind === 'unknown') warnings.push('The profile has no credentials settings (keys, role, SSO, credential_process or web identity).');
    if (data.source_profile && !names.has(data.source_profile)) warnings.push(`Its source_profile "${data.source_profile}" is not defined.`);
    const chain = kind === 'assumeRole' ? followChain(name, merged) : { names: [name], sourceKind: undefined, mfaSerial: undefined, cycle: false };
    if (chain.cycle) warnings.push(`Its source_profile chain loops (${chain.names.join(' → ')}).`);
    const region = data.region?.trim() || env.AWS_REGION || env.AWS_DEFAULT_REGION || undefined;
    const ssoSessions = chain.names.map((n) => merged(n)?.sso_session).filter((n): n is string => !!n);
    const fingerprint = fingerprintOf([
      configFile,
      credentialsFile,
      region ?? '',
      endpoints,
      chain.names.map((n) => [n, sorted(merged(n))]),
      ssoSessions.map((n) => [n, sorted(config[`${SSO_SESSION_PREFIX}${n}`])]),
      data.services ? sorted(servicesSections[data.services.trim()]) : [],
    ]);
    profiles.push({
      name,
      kind,
      region,
      endpoints,
      configFile,
      credentialsFile,
      fingerprint,
      unattended: kind === 'static' || (kind === 'assumeRole' && chain.sourceKind === 'static' && !chain.mfaSerial),
      ...(chain.sourceKind && kind === 'assumeRole' ? { sourceKind: chain.sourceKind } : {}),
      ...(data.role_arn ? { roleArn: data.role_arn } : {}),
      // Only a role hop asks for a code; an mfa_serial elsewhere is for the CLI's own use.
      ...(chain.mfaSerial ? { mfaSerial: chain.mfaSerial } : {}),
      ...(warnings.length ? { warnings } : {}),
    });
  }
  return profiles.sort((a, b) => a.name.localeCompare(b.name));
}

/** How two readings of the files differ, by profile name and fingerprint. */
export interface ProfileChanges {
  added: string[];
  removed: string[];
  /** Same name, different fingerprint: its clients and answers must go. */
  changed: string[];
  unchanged: string[];
}

export function diffProfiles(before: readonly ProfileInfo[], after: readonly ProfileInfo[]): ProfileChanges {
  const old = new Map(before.map((p) => [p.name, p]));
  const changes: ProfileChanges = { added: [], removed: [], changed: [], unchanged: [] };
  for (const p of after) {
    const previous = old.get(p.name);
    if (!previous) changes.added.push(p.name);
    else if (previous.fingerprint !== p.fingerprint || previous.fingerprint === undefined) changes.changed.push(p.name);
    else changes.unchanged.push(p.name);
    old.delete(p.name);
  }
  changes.removed.push(...old.keys());
  return changes;
}
