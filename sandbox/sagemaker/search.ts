// Search over FeatureGroup and FeatureMetadata. SameAccount (default) searches the caller's own
// groups; CrossAccount searches groups of owners whose catalog is shared with the caller,
// without tags and only on the fields AWS makes searchable across accounts.
import { catalogOwnersVisibleTo } from '../access';
import type { Json } from '../check';
import type { Caller, Core } from '../core';
import { paginate } from '../paging';
import { compareBy } from '../sorting';
import type { FeatureGroup } from '../state';
import { smCheck as check } from './errors';
import { metadataShape } from './metadata';
import { matches, parseExpression, valuesAt } from './searchFilters';
import { searchShape } from './shapes';

const RESOURCES = ['TrainingJob', 'Experiment', 'ExperimentTrial', 'ExperimentTrialComponent', 'Endpoint', 'Model', 'ModelPackage', 'ModelPackageGroup', 'Pipeline', 'PipelineExecution', 'FeatureGroup', 'FeatureMetadata', 'Image', 'ImageVersion', 'Project', 'HyperParameterTuningJob', 'ModelCard', 'PipelineVersion', 'Job'] as const;

/** Fields searchable on discoverable (other accounts') groups, per the SageMaker guide. */
const CROSS_ACCOUNT_FIELDS = new Set(['FeatureGroupStatus', 'CreationTime', 'LastModifiedTime', 'Description', 'FeatureGroupName', 'OfflineStoreStatus', 'OfflineStoreStatus.Status', 'RecordIdentifierFeatureName']);
const CROSS_ACCOUNT_METADATA_FIELDS = new Set(['FeatureGroupName', 'FeatureName', 'FeatureType', 'Description', 'CreationTime', 'LastModifiedTime', 'Parameters.Key', 'Parameters.Value']);

export function search(core: Core, caller: Caller, input: Json): unknown {
  const resource = check.oneOf(input, 'Resource', RESOURCES, true)!;
  const expr = parseExpression(check.obj(input, 'SearchExpression'));
  const sortBy = check.str(input, 'SortBy', { min: 1, max: 255 }) ?? 'LastModifiedTime';
  const order = check.oneOf(input, 'SortOrder', ['Ascending', 'Descending'] as const) ?? 'Descending';
  const max = check.num(input, 'MaxResults', { integer: true, min: 1, max: 100 }) ?? 10;
  const token = check.str(input, 'NextToken', { max: 8192 });
  const cross = check.oneOf(input, 'CrossAccountFilterOption', ['SameAccount', 'CrossAccount'] as const) === 'CrossAccount';
  const visibility = (check.objList(input, 'VisibilityConditions', { min: 1, max: 5 }) ?? []).map((v) => ({
    key: check.str(v, 'Key', { required: true, min: 1, max: 128 }),
    value: check.str(v, 'Value', { max: 256 }),
  }));
  if (resource !== 'FeatureGroup' && resource !== 'FeatureMetadata') return { Results: [], TotalHits: { Value: 0, Relation: 'EqualTo' } };

  const groups = visibleGroups(core, caller, cross).filter((g) =>
    visibility.every((v) => valuesAt({ Tags: g.tags }, v.key).some((t) => v.value === undefined || t === v.value)));
  const docs: { id: string; doc: Json }[] = resource === 'FeatureGroup'
    ? groups.map((g) => ({ id: g.arn, doc: searchShape(g, !cross) }))
    : groups.flatMap((g) => g.featureDefinitions.map((d) => ({ id: `${g.arn}#${d.FeatureName}`, doc: metadataShape(g, d.FeatureName) })));
  const fields = resource === 'FeatureGroup' ? CROSS_ACCOUNT_FIELDS : CROSS_ACCOUNT_METADATA_FIELDS;
  const searchable = cross ? (name: string) => fields.has(name) : () => true;
  const hits = docs.filter((d) => matches(d.doc, expr, searchable));
  const sortKey = (d: { id: string; doc: Json }) => {
    const v = valuesAt(d.doc, sortBy === 'Name' ? (resource === 'FeatureGroup' ? 'FeatureGroupName' : 'FeatureName') : sortBy)[0];
    return typeof v === 'number' ? v : String(v ?? '');
  };
  hits.sort(compareBy(sortKey, order, (d: { id: string }) => d.id));
  const page = paginate(hits, (d) => d.id, token, max, () => check.fail('The NextToken is invalid'));
  return {
    Results: page.items.map((d) => ({ [resource]: d.doc })),
    NextToken: page.nextToken,
    TotalHits: { Value: hits.length, Relation: 'EqualTo' },
  };
}

function visibleGroups(core: Core, caller: Caller, cross: boolean): FeatureGroup[] {
  const all = Object.values(core.state.featureGroups).filter((g) => g.region === caller.region);
  if (!cross) return all.filter((g) => g.accountId === caller.accountId);
  const owners = catalogOwnersVisibleTo(core.state, caller.accountId, caller.region);
  return all.filter((g) => owners.has(g.accountId));
}
