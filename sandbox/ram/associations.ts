// AssociateResourceShare, DisassociateResourceShare, GetResourceShareAssociations.
import type { Json } from '../check';
import type { Caller, Core } from '../core';
import { ApiError } from '../errors';
import { paginate } from '../paging';
import type { Association, ResourceShare } from '../state';
import { applyAssociations, planPrincipals, planResources } from './associate';
import { associationShape, badToken, checkShareArn, DEFAULT_MAX_RESULTS, ownedShare, ramCheck as check } from './common';

/** The input Associate and DisassociateResourceShare share: the caller's own share and what to change. */
function membersRequest(core: Core, caller: Caller, input: Json) {
  const arn = check.str(input, 'resourceShareArn', { required: true });
  const resourceArns = check.strList(input, 'resourceArns') ?? [];
  const principalIds = check.strList(input, 'principals') ?? [];
  const clientToken = check.str(input, 'clientToken');
  check.strList(input, 'sources');
  const share = ownedShare(core, caller, arn);
  if (resourceArns.length === 0 && principalIds.length === 0) throw new ApiError('InvalidParameterException', 'Specify at least one of resourceArns and principals.');
  return { arn: share.arn, resourceArns, principalIds, clientToken, share };
}

function associationsReply(core: Core, share: ResourceShare, resources: Association[], principals: Association[], clientToken: string | undefined): unknown {
  return {
    resourceShareAssociations: [
      ...resources.map((a) => associationShape(core, share, a, 'RESOURCE')),
      ...principals.map((a) => associationShape(core, share, a, 'PRINCIPAL')),
    ],
    clientToken,
  };
}

export function associateResourceShare(core: Core, caller: Caller, input: Json): unknown {
  const { resourceArns, principalIds, clientToken, share } = membersRequest(core, caller, input);
  const resources = planResources(core, caller.accountId, share.region, resourceArns);
  const principals = planPrincipals(core, share, principalIds);
  const touched = applyAssociations(core, share, resources, principals);
  return associationsReply(core, share, touched.resources, touched.principals, clientToken);
}

export function disassociateResourceShare(core: Core, caller: Caller, input: Json): unknown {
  const { arn, resourceArns, principalIds, clientToken, share } = membersRequest(core, caller, input);
  const find = (list: Association[], entity: string) => {
    const a = list.find((x) => x.entity === entity && x.status !== 'DISASSOCIATED');
    if (!a) throw new ApiError('UnknownResourceException', `${entity} is not associated with resource share ${arn}.`);
    return a;
  };
  const resources = resourceArns.map((r) => find(share.resources, r));
  const principals = principalIds.map((p) => find(share.principals, p));
  const now = core.now();
  for (const a of [...resources, ...principals]) Object.assign(a, { status: 'DISASSOCIATED', statusMessage: undefined, lastUpdatedTime: now });
  for (const inv of Object.values(core.state.invitations)) {
    if (inv.resourceShareArn === arn && inv.status === 'PENDING' && principalIds.includes(inv.receiverAccountId)) delete core.state.invitations[inv.arn];
  }
  share.lastUpdatedTime = now;
  return associationsReply(core, share, resources, principals, clientToken);
}

export function getResourceShareAssociations(core: Core, caller: Caller, input: Json): unknown {
  const type = check.oneOf(input, 'associationType', ['PRINCIPAL', 'RESOURCE', 'SOURCE'] as const, true)!;
  const arns = check.strList(input, 'resourceShareArns');
  arns?.forEach(checkShareArn);
  const resourceArn = check.str(input, 'resourceArn');
  const principal = check.str(input, 'principal');
  if (resourceArn && type !== 'RESOURCE') throw new ApiError('InvalidParameterException', 'resourceArn can be used only with associationType RESOURCE.');
  if (principal && type !== 'PRINCIPAL') throw new ApiError('InvalidParameterException', 'principal can be used only with associationType PRINCIPAL.');
  const status = check.oneOf(input, 'associationStatus', ['ASSOCIATING', 'ASSOCIATED', 'FAILED', 'DISASSOCIATING', 'DISASSOCIATED', 'SUSPENDED', 'SUSPENDING', 'RESTORING'] as const);
  const max = check.num(input, 'maxResults', { integer: true, min: 1, max: 500 }) ?? DEFAULT_MAX_RESULTS;
  const token = check.str(input, 'nextToken');
  const rows: { id: string; shape: Record<string, unknown> }[] = [];
  if (type !== 'SOURCE') {
    for (const share of Object.values(core.state.shares)) {
      if (share.owningAccountId !== caller.accountId || share.region !== caller.region || (arns && !arns.includes(share.arn))) continue;
      const list = type === 'RESOURCE' ? share.resources : share.principals;
      for (const a of list) {
        if ((resourceArn && a.entity !== resourceArn) || (principal && a.entity !== principal)) continue;
        const shape = associationShape(core, share, a, type);
        if (status && shape.status !== status) continue;
        rows.push({ id: `${share.arn}|${a.entity}`, shape });
      }
    }
  }
  const page = paginate(rows, (r) => r.id, token, max, badToken);
  return { resourceShareAssociations: page.items.map((r) => r.shape), nextToken: page.nextToken };
}
