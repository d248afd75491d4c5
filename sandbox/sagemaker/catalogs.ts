// ListResourceCatalogs: every account has exactly one feature group catalog per region.
import { catalogArn } from '../arn';
import type { Json } from '../check';
import { CATALOG_NAME } from '../constants';
import type { Caller, Core } from '../core';
import { paginate } from '../paging';
import { smCheck as check } from './errors';

/** Catalogs predate every account here: the day cross-account sharing launched. */
const CATALOG_CREATION_TIME = Date.UTC(2024, 1, 14) / 1000;

export function listResourceCatalogs(_core: Core, caller: Caller, input: Json): unknown {
  const contains = check.str(input, 'NameContains', { min: 1, max: 64 });
  const after = check.num(input, 'CreationTimeAfter');
  const before = check.num(input, 'CreationTimeBefore');
  check.oneOf(input, 'SortOrder', ['Ascending', 'Descending'] as const);
  check.oneOf(input, 'SortBy', ['CreationTime'] as const);
  const max = check.num(input, 'MaxResults', { integer: true, min: 1, max: 100 }) ?? 10;
  const token = check.str(input, 'NextToken', { max: 8192 });
  const catalogs = [{
    ResourceCatalogArn: catalogArn(caller.region, caller.accountId),
    ResourceCatalogName: CATALOG_NAME,
    Description: 'Default feature group catalog',
    CreationTime: CATALOG_CREATION_TIME,
  }].filter((c) =>
    (!contains || c.ResourceCatalogName.includes(contains)) &&
    (after === undefined || c.CreationTime > after) &&
    (before === undefined || c.CreationTime < before));
  const page = paginate(catalogs, (c) => c.ResourceCatalogArn, token, max, () => check.fail('The NextToken is invalid'));
  return { ResourceCatalogs: page.items, NextToken: page.nextToken };
}
