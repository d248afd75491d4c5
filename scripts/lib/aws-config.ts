// AWS shared config/credentials for the demo and test profiles, pointed at a sandbox.
// Written into a folder of the caller's choosing (temp dir or .demo/aws), never ~/.aws.
import fs from 'node:fs';
import path from 'node:path';

export const SANDBOX_REGION = 'us-east-1';

/** One profile per sandbox account; the access key id is the account the sandbox acts as. */
export const SANDBOX_PROFILES = [
  { name: 'analytics', accountId: '111111111111', note: 'owns customer-profile, transactions, product-catalog, churn-scores' },
  { name: 'marketing', accountId: '222222222222', note: 'same Organization as analytics; owns campaign-responses' },
  { name: 'partner', accountId: '333333333333', note: 'outside the Organization; has a pending invitation' },
] as const;

export interface AwsConfigEnv {
  AWS_CONFIG_FILE: string;
  AWS_SHARED_CREDENTIALS_FILE: string;
}

export function writeAwsConfig(dir: string, sandboxUrl: string): AwsConfigEnv {
  fs.mkdirSync(dir, { recursive: true });
  const config = SANDBOX_PROFILES.map(
    (p) => `[profile ${p.name}]\nregion = ${SANDBOX_REGION}\nendpoint_url = ${sandboxUrl}\noutput = json\n`,
  ).join('\n');
  const credentials = SANDBOX_PROFILES.map(
    (p) => `[${p.name}]\naws_access_key_id = ${p.accountId}\naws_secret_access_key = sandbox\n`,
  ).join('\n');
  const env: AwsConfigEnv = {
    AWS_CONFIG_FILE: path.join(dir, 'config'),
    AWS_SHARED_CREDENTIALS_FILE: path.join(dir, 'credentials'),
  };
  fs.writeFileSync(env.AWS_CONFIG_FILE, config);
  fs.writeFileSync(env.AWS_SHARED_CREDENTIALS_FILE, credentials, { mode: 0o600 });
  return env;
}

/**
 * Environment for processes that must see only the sandbox profiles: the AWS config files above,
 * and none of the caller's AWS_* variables (a stray AWS_PROFILE or AWS_ENDPOINT_URL would redirect
 * every client).
 */
export function sandboxProcessEnv(awsEnv: AwsConfigEnv, sandboxUrl: string, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!k.startsWith('AWS_')) env[k] = v;
  return { ...env, ...awsEnv, AWS_EC2_METADATA_DISABLED: 'true', FSE_SANDBOX_URL: sandboxUrl, ...extra };
}
