// Endpoint overrides per service, resolved the way the SDK does it for AWS_PROFILE (aws-facts §7.4).
// The SDK skips this for a client's `profile` option (§0.7), so the client pool passes the result
// as an explicit `endpoint` to every client.
import type { ServiceEndpoints } from './model';

type Section = Record<string, string | undefined>;

/** SDK service id (AWS_ENDPOINT_URL_<ENV>, `<config>` key in a services section) per ServiceEndpoints key. */
export const SERVICE_IDS: Record<keyof ServiceEndpoints, { env: string; config: string }> = {
  sagemaker: { env: 'SAGEMAKER', config: 'sagemaker' },
  featurestoreRuntime: { env: 'SAGEMAKER_FEATURESTORE_RUNTIME', config: 'sagemaker_featurestore_runtime' },
  ram: { env: 'RAM', config: 'ram' },
  sts: { env: 'STS', config: 'sts' },
};

function isTrue(value: string | undefined): boolean {
  return value?.trim().toLowerCase() === 'true';
}

function nonEmpty(value: string | undefined): string | undefined {
  const v = value?.trim();
  return v ? v : undefined;
}

/**
 * Order: AWS_ENDPOINT_URL_<SERVICE>, AWS_ENDPOINT_URL, the profile's `services` section, the profile's
 * `endpoint_url`. AWS_IGNORE_CONFIGURED_ENDPOINT_URLS / ignore_configured_endpoint_urls turn all off.
 */
export function resolveEndpoints(
  profile: Section,
  servicesSections: Record<string, Section | undefined>,
  env: NodeJS.ProcessEnv,
): { endpoints: ServiceEndpoints; warnings: string[] } {
  const warnings: string[] = [];
  const endpoints: ServiceEndpoints = {};
  if (isTrue(env.AWS_IGNORE_CONFIGURED_ENDPOINT_URLS) || isTrue(profile.ignore_configured_endpoint_urls)) {
    return { endpoints, warnings };
  }
  const servicesName = nonEmpty(profile.services);
  const services = servicesName ? servicesSections[servicesName] : undefined;
  if (servicesName && !services) {
    warnings.push(`The services section "${servicesName}" named by the profile is not in the config file.`);
  }
  for (const key of Object.keys(SERVICE_IDS) as (keyof ServiceEndpoints)[]) {
    const id = SERVICE_IDS[key];
    const url =
      nonEmpty(env[`AWS_ENDPOINT_URL_${id.env}`]) ??
      nonEmpty(env.AWS_ENDPOINT_URL) ??
      nonEmpty(services?.[`${id.config}.endpoint_url`]) ??
      nonEmpty(profile.endpoint_url);
    if (url) endpoints[key] = url;
  }
  return { endpoints, warnings };
}
