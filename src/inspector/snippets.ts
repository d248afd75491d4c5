// "Copy as Python / TypeScript": code that fetches the record by ARN with the same profile, so the
// snippet works across accounts exactly as the inspector did. Pure (no 'vscode').
import { recordToJson } from '../aws/recordJson';
import type { FeatureDefinition } from '../aws/model';
import type { CopyFormat, RecordValues } from './protocol';

export interface SnippetTarget {
  profile: string;
  region: string;
  featureGroupName: string;
  featureGroupArn: string;
  ownerAccountId: string;
  recordId: string;
  /** The profile's Feature Store runtime endpoint override (e.g. the local sandbox), if any. */
  endpoint?: string;
}

/** A string literal valid in Python and TypeScript alike (JSON's escapes are a subset of both). */
const literal = (s: string) => JSON.stringify(s);

function comment(t: SnippetTarget): string {
  return `Record ${literal(t.recordId)} of ${t.featureGroupName} (owner ${t.ownerAccountId}), read as profile ${literal(t.profile)}.`;
}

export function pythonSnippet(t: SnippetTarget): string {
  const endpoint = t.endpoint ? `, endpoint_url=${literal(t.endpoint)}` : '';
  return [
    'import boto3',
    '',
    `# ${comment(t)}`,
    `session = boto3.Session(profile_name=${literal(t.profile)}, region_name=${literal(t.region)})`,
    `runtime = session.client("sagemaker-featurestore-runtime"${endpoint})`,
    'response = runtime.get_record(',
    `    FeatureGroupName=${literal(t.featureGroupArn)},`,
    `    RecordIdentifierValueAsString=${literal(t.recordId)},`,
    ')',
    'record = {f["FeatureName"]: f.get("ValueAsString", f.get("ValueAsStringList")) for f in response.get("Record", [])}',
    'print(record)',
    '',
  ].join('\n');
}

export function typescriptSnippet(t: SnippetTarget): string {
  return [
    "import { GetRecordCommand, SageMakerFeatureStoreRuntimeClient } from '@aws-sdk/client-sagemaker-featurestore-runtime';",
    "import { fromIni } from '@aws-sdk/credential-providers';",
    '',
    `// ${comment(t)}`,
    'const client = new SageMakerFeatureStoreRuntimeClient({',
    `  region: ${literal(t.region)},`,
    `  credentials: fromIni({ profile: ${literal(t.profile)} }),`,
    ...(t.endpoint ? [`  endpoint: ${literal(t.endpoint)},`] : []),
    '});',
    'const { Record: features = [] } = await client.send(',
    '  new GetRecordCommand({',
    `    FeatureGroupName: ${literal(t.featureGroupArn)},`,
    `    RecordIdentifierValueAsString: ${literal(t.recordId)},`,
    '  }),',
    ');',
    'const record = Object.fromEntries(features.map((f) => [f.FeatureName, f.ValueAsString ?? f.ValueAsStringList]));',
    'console.log(record);',
    '',
  ].join('\n');
}

export function copyText(format: CopyFormat, target: SnippetTarget, features: FeatureDefinition[], values: RecordValues | undefined): string {
  switch (format) {
    case 'python':
      return pythonSnippet(target);
    case 'typescript':
      return typescriptSnippet(target);
    case 'json':
      return recordToJson(features, values ?? {}) + '\n';
  }
}
