// ListResources and ListPrincipals, for shares the caller owns (SELF) or receives (OTHER-ACCOUNTS).
import { principalCovers } from '../access';
import type { Json } from '../check';
import { CATALOG_TYPE, FEATURE_GROUP_TYPE } from '../constants';
import { secs, type Caller, type Core } from '../core';
import { ApiError } from '../errors';
import { paginate } from '../paging';
import type { ResourceShare } from '../state';
import { resourceTypeOf } from './associate';
import { badToken, checkShareArn, DEFAULT_MAX_RESULTS, ramCheck as check } from './common';
import { isSharedWith } from './shares';

const KNOWN_TYPES = [FEATURE_GROUP_TYPE, CATALOG_TYPE];

function checkResourceType(input: Json): string | undefined {
  const type = check.str(input, 'resourceType');
  if (type === undefined) return undefined;
  const known = KNOWN_TYPES.find((t) => t.toLowerCase() === type.toLowerCase());
  if (!known) throw new ApiError('InvalidResourceTypeException', `The specified resource type ${type} is not valid.`);
  return known;
}

function sharesFor(core: Core, caller: Caller, owner: 'SELF' | 'OTHER-ACCOUNTS', arns: string[] | undefined): ResourceShare[] {
  return Object.values(core.state.shares).filter((s) =>
    s.region === caller.region && s.status === 'ACTIVE' &&
    (owner === 'SELF' ? s.owningAccountId === caller.accountId : isSharedWith(core, s, caller.accountId)) &&
    (!arns || arns.includes(s.arn)));
}

export function listResources(core: Core, caller: Caller, input: Json): unknown {
  const owner = check.oneOf(input, 'resourceOwner', ['SELF', 'OTHER-ACCOUNTS'] as const, true)!;
  const principal = check.str(input, 'principal');
  const type = checkResourceType(input);
  const resourceArns = check.strList(input, 'resourceArns');
  const shareArns = check.strList(input, 'resourceShareArns');
  shareArns?.forEach(checkShareArn);
  check.oneOf(input, 'resourceRegionScope', ['ALL', 'REGIONAL', 'GLOBAL'] as const);
  const max = check.num(input, 'maxResults', { integer: true, min: 1, max: 500 }) ?? DEFAULT_MAX_RESULTS;
  const token = check.str(input, 'nextToken');
  const rows = [];
  for (const share of sharesFor(core, caller, owner, shareArns)) {
    if (principal && !share.principals.some((p) => p.status === 'ASSOCIATED' && (p.entity === principal || principalCovers(core.state, p.entity, principal)))) continue;
    for (const r of share.resources) {
      const rType = resourceTypeOf(r.entity);
      if (r.status !== 'ASSOCIATED' || (type && rType !== type) || (resourceArns && !resourceArns.includes(r.entity))) continue;
      rows.push({
        arn: r.entity,
        type: rType,
        resourceShareArn: share.arn,
        status: 'AVAILABLE',
        creationTime: secs(r.creationTime),
        lastUpdatedTime: secs(r.lastUpdatedTime),
        resourceRegionScope: 'REGIONAL',
      });
    }
  }
  const page = paginate(rows, (r) => `${r.resourceShareArn}|${r.arn}`, token, max, badToken);
  return { resources: page.items, nextToken: page.nextToken };
}

export function listPrincipals(core: Core, caller: Caller, input: Json): unknown {
  const owner = check.oneOf(input, 'resourceOwner', ['SELF', 'OTHER-ACCOUNTS'] as const, true)!;
  const resourceArn = check.str(input, 'resourceArn');
  const principals = check.strList(input, 'principals');
  const type = checkResourceType(input);
  const shareArns = check.strList(input, 'resourceShareArns');
  shareArns?.forEach(checkShareArn);
  const max = check.num(input, 'maxResults', { integer: true, min: 1, max: 500 }) ?? DEFAULT_MAX_RESULTS;
  const token = check.str(input, 'nextToken');
  const rows = [];
  for (const share of sharesFor(core, caller, owner, shareArns)) {
    const live = share.resources.filter((r) => r.status === 'ASSOCIATED');
    if (resourceArn && !live.some((r) => r.entity === resourceArn)) continue;
    if (type && !live.some((r) => resourceTypeOf(r.entity) === type)) continue;
    for (const p of share.principals) {
      const active = p.status === 'ASSOCIATED' || (owner === 'SELF' && p.status === 'ASSOCIATING');
      if (!active || (principals && !principals.includes(p.entity))) continue;
      if (owner === 'OTHER-ACCOUNTS' && !principalCovers(core.state, p.entity, caller.accountId)) continue;
      rows.push({ id: p.entity, resourceShareArn: share.arn, creationTime: secs(p.creationTime), lastUpdatedTime: secs(p.lastUpdatedTime), external: p.external ?? false });
    }
  }
  const page = paginate(rows, (r) => `${r.resourceShareArn}|${r.id}`, token, max, badToken);
  return { principals: page.items, nextToken: page.nextToken };
}
