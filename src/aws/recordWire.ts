// Small conversions shared by the single-record and batch calls of the runtime.
import type { FeatureValue } from '@aws-sdk/client-sagemaker-featurestore-runtime';
import type { FeatureInput } from './featureValues';
import type { FeatureGroupDetail } from './model';

/** What an AwsCallError needs to explain a refusal of a runtime call on this group. */
export function callDetails(group: FeatureGroupDetail) {
  return { target: group.name, access: group.access, ownerAccountId: group.ownerAccountId };
}

/** The wire's FeatureValue list as feature name → value (lists stay lists). */
export function valuesOf(record: FeatureValue[] | undefined): Record<string, FeatureInput> {
  const values: Record<string, FeatureInput> = {};
  for (const v of record ?? []) {
    if (v.FeatureName) values[v.FeatureName] = v.ValueAsStringList ?? v.ValueAsString ?? '';
  }
  return values;
}
