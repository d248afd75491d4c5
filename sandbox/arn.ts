// ARN builders and parsers for the resources the sandbox serves.
import { CATALOG_NAME } from './constants';

const FG_ARN_RE = /^arn:aws[a-z-]*:sagemaker:([a-z0-9-]*):([0-9]{12}):feature-group\/(.+)$/;
const CATALOG_ARN_RE = /^arn:aws[a-z-]*:sagemaker:([a-z0-9-]*):([0-9]{12}):sagemaker-catalog\/(.+)$/;
const GENERIC_ARN_RE = /^arn:aws[a-z-]*:[a-z0-9-]+:[a-z0-9-]*:([0-9]{12}|aws)?:.+$/;

export function featureGroupArn(region: string, account: string, name: string): string {
  return `arn:aws:sagemaker:${region}:${account}:feature-group/${name}`;
}

export function catalogArn(region: string, account: string): string {
  return `arn:aws:sagemaker:${region}:${account}:sagemaker-catalog/${CATALOG_NAME}`;
}

export interface ParsedResourceArn { region: string; accountId: string; name: string }

export function parseFeatureGroupArn(arn: string): ParsedResourceArn | undefined {
  const m = FG_ARN_RE.exec(arn);
  return m ? { region: m[1], accountId: m[2], name: m[3] } : undefined;
}

export function parseCatalogArn(arn: string): ParsedResourceArn | undefined {
  const m = CATALOG_ARN_RE.exec(arn);
  return m ? { region: m[1], accountId: m[2], name: m[3] } : undefined;
}

export function looksLikeArn(value: string): boolean {
  return GENERIC_ARN_RE.test(value);
}

export function ramArn(region: string, account: string, kind: 'resource-share' | 'resource-share-invitation', id: string): string {
  return `arn:aws:ram:${region}:${account}:${kind}/${id}`;
}

/** `arn:aws:ram:<region>:<account>:<kind>/<uuid>` → its parts, or undefined when malformed. */
export function parseRamArn(arn: string): { region: string; accountId: string; kind: string; id: string } | undefined {
  const m = /^arn:aws[a-z-]*:ram:([a-z0-9-]+):([0-9]{12}):(resource-share|resource-share-invitation)\/([A-Za-z0-9-]+)$/.exec(arn);
  return m ? { region: m[1], accountId: m[2], kind: m[3], id: m[4] } : undefined;
}
