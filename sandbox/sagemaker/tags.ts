// AddTags, ListTags, DeleteTags on the caller's own feature groups (tags are never shared).
import { parseFeatureGroupArn } from '../arn';
import type { Json } from '../check';
import type { Caller, Core } from '../core';
import { ApiError } from '../errors';
import { paginate } from '../paging';
import type { FeatureGroup } from '../state';
import { smCheck as check } from './errors';
import { checkTags } from './featureGroups';

function ownGroup(core: Core, caller: Caller, input: Json, operation: string): FeatureGroup {
  const arn = check.str(input, 'ResourceArn', { required: true, max: 256 });
  const parsed = parseFeatureGroupArn(arn);
  if (!parsed) throw check.fail(`The sandbox supports tags on feature groups only; ${arn} is not a feature group ARN`);
  if (parsed.accountId !== caller.accountId) {
    throw new ApiError('AccessDeniedException', `User: ${caller.arn} is not authorized to perform: sagemaker:${operation} on resource: ${arn}`);
  }
  const fg = core.state.featureGroups[arn];
  if (!fg || parsed.region !== caller.region) throw new ApiError('ResourceNotFound', `Resource Not Found: ${arn}`);
  return fg;
}

export function addTags(core: Core, caller: Caller, input: Json): unknown {
  const fg = ownGroup(core, caller, input, 'AddTags');
  const tags = checkTags(input);
  if (input.Tags === undefined) throw check.missing('Tags');
  const merged = new Map(fg.tags.map((t) => [t.Key, t.Value]));
  for (const t of tags) merged.set(t.Key, t.Value);
  if (merged.size > 50) throw new ApiError('ResourceLimitExceeded', 'A resource can have at most 50 tags');
  fg.tags = [...merged].map(([Key, Value]) => ({ Key, Value }));
  return { Tags: fg.tags };
}

export function deleteTags(core: Core, caller: Caller, input: Json): unknown {
  const fg = ownGroup(core, caller, input, 'DeleteTags');
  const keys = new Set(check.strList(input, 'TagKeys', { required: true, min: 1, max: 50 }));
  fg.tags = fg.tags.filter((t) => !keys.has(t.Key));
  return {};
}

export function listTags(core: Core, caller: Caller, input: Json): unknown {
  const fg = ownGroup(core, caller, input, 'ListTags');
  const max = check.num(input, 'MaxResults', { integer: true, min: 50, max: 100 }) ?? 50;
  const page = paginate(fg.tags, (t) => t.Key, check.str(input, 'NextToken'), max, () => check.fail('The NextToken is invalid'));
  return { Tags: page.items, NextToken: page.nextToken };
}
