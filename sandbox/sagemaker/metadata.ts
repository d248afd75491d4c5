// DescribeFeatureMetadata and UpdateFeatureMetadata.
import { resolveFeatureGroup } from '../access';
import type { Json } from '../check';
import { FEATURE_NAME_RE } from '../constants';
import { secs, type Caller, type Core } from '../core';
import { ApiError } from '../errors';
import type { FeatureGroup, FeatureMetadata } from '../state';
import { smCheck as check, smResolveErrors } from './errors';

const PARAM_RE = /^([\p{L}\p{Z}\p{N}_.:/=+-]*)$/u;

export function metadataOf(fg: FeatureGroup, featureName: string): FeatureMetadata {
  return fg.featureMetadata[featureName] ?? { parameters: [], creationTime: fg.creationTime, lastModifiedTime: fg.creationTime };
}

function featureOf(fg: FeatureGroup, featureName: string) {
  const def = fg.featureDefinitions.find((d) => d.FeatureName === featureName);
  if (!def) throw new ApiError('ResourceNotFound', `Resource Not Found: Amazon SageMaker can't find a feature with name ${featureName} in feature group ${fg.name}`);
  return def;
}

export function metadataShape(fg: FeatureGroup, featureName: string): Record<string, unknown> {
  const def = featureOf(fg, featureName);
  const meta = metadataOf(fg, featureName);
  return {
    FeatureGroupArn: fg.arn,
    FeatureGroupName: fg.name,
    FeatureName: featureName,
    FeatureType: def.FeatureType,
    CreationTime: secs(meta.creationTime),
    LastModifiedTime: secs(meta.lastModifiedTime),
    Description: meta.description,
    Parameters: meta.parameters,
  };
}

export function describeFeatureMetadata(core: Core, caller: Caller, input: Json): unknown {
  const nameOrArn = check.str(input, 'FeatureGroupName', { required: true, min: 1, max: 256 });
  const featureName = check.str(input, 'FeatureName', { required: true, min: 1, max: 64, pattern: FEATURE_NAME_RE });
  const fg = resolveFeatureGroup(core, caller, nameOrArn, 'DescribeFeatureMetadata', smResolveErrors);
  return metadataShape(fg, featureName);
}

export function updateFeatureMetadata(core: Core, caller: Caller, input: Json): unknown {
  const nameOrArn = check.str(input, 'FeatureGroupName', { required: true, min: 1, max: 256 });
  const featureName = check.str(input, 'FeatureName', { required: true, min: 1, max: 64, pattern: FEATURE_NAME_RE });
  const description = check.str(input, 'Description', { max: 255 });
  const additions = (check.objList(input, 'ParameterAdditions', { max: 25 }) ?? []).map((p) => ({
    Key: check.str(p, 'Key', { required: true, min: 1, max: 255, pattern: PARAM_RE }),
    Value: check.str(p, 'Value', { required: true, min: 1, max: 255, pattern: PARAM_RE }),
  }));
  const removals = check.strList(input, 'ParameterRemovals', { max: 25 }) ?? [];
  const fg = resolveFeatureGroup(core, caller, nameOrArn, 'UpdateFeatureMetadata', smResolveErrors);
  featureOf(fg, featureName);
  const meta = metadataOf(fg, featureName);
  const params = new Map(meta.parameters.map((p) => [p.Key, p.Value]));
  for (const key of removals) params.delete(key);
  for (const p of additions) params.set(p.Key, p.Value);
  if (params.size > 25) throw check.fail('A feature can have at most 25 parameters');
  fg.featureMetadata[featureName] = {
    description: description ?? meta.description,
    parameters: [...params].map(([Key, Value]) => ({ Key, Value })),
    creationTime: meta.creationTime,
    lastModifiedTime: core.now(),
  };
  return undefined;
}
