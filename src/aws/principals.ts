// Who a RAM share can name: account ids, the organization, an organizational unit, IAM roles and
// users. Pure: checks what a user typed, one specific sentence per problem, before RAM is called.
import { validateAccountId } from './validation';

export type PrincipalKind = 'account' | 'organization' | 'organizationalUnit' | 'iamRole' | 'iamUser';

export interface Principal {
  /** Exactly what goes into RAM's `principals`. */
  value: string;
  kind: PrincipalKind;
  /** The account of an account id or IAM ARN; the management account of an organization or OU ARN. */
  accountId?: string;
  /** `o-…` or `ou-…` for organization and OU principals. */
  id?: string;
}

const PARTITION = 'aws(?:-cn|-us-gov|-iso(?:-[a-z])?)?';
const ORG_ID = 'o-[a-z0-9]{10,32}';
const OU_ID = 'ou-[a-z0-9]{4,32}-[a-z0-9]{8,32}';
const ORGANIZATION_ARN = new RegExp(`^arn:${PARTITION}:organizations::(\\d{12}):organization/(${ORG_ID})$`);
const OU_ARN = new RegExp(`^arn:${PARTITION}:organizations::(\\d{12}):ou/(${ORG_ID})/(${OU_ID})$`);
const IAM_ARN = new RegExp(`^arn:${PARTITION}:iam::(\\d{12}):(role|user)/((?:[\\w+=,.@-]+/)*[\\w+=,.@-]{1,128})$`);

const ORGANIZATION_EXAMPLE = 'arn:aws:organizations::<management account>:organization/o-<id>';
const OU_EXAMPLE = 'arn:aws:organizations::<management account>:ou/o-<org id>/ou-<id>';
const WHAT_FITS = 'Enter a 12-digit account id, or the ARN of an organization, an OU, an IAM role or an IAM user.';

/** Principal kinds RAM accepts only inside an organization that has sharing with AWS Organizations enabled. */
export function needsOrganizationSharing(kind: PrincipalKind): boolean {
  return kind !== 'account';
}

/** Reads one principal; `problem` is a sentence naming the input, what is wrong and what fits. */
export function parsePrincipal(input: string, ownAccountId?: string): { principal: Principal } | { problem: string } {
  const text = input.trim();
  if (!text) return { problem: `Enter a principal. ${WHAT_FITS}` };
  if (/^o-/.test(text)) return { problem: `"${text}" is an organization id; RAM needs the organization's ARN (${ORGANIZATION_EXAMPLE}).` };
  if (/^ou-/.test(text)) return { problem: `"${text}" is an OU id; RAM needs the OU's ARN (${OU_EXAMPLE}).` };
  // Digits, or mostly digits (a typo in an account id): judged as an account id.
  if (/^[\d-]+$/.test(text) || (!text.includes(':') && (text.match(/\d/g)?.length ?? 0) >= 6)) {
    const problem = validateAccountId(text, ownAccountId);
    return problem ? { problem } : { principal: { value: text, kind: 'account', accountId: text } };
  }
  if (/\.amazonaws\.com(\.cn)?$/.test(text)) return { problem: `"${text}" is a service principal; feature groups are shared with accounts, organizations, OUs, IAM roles or users.` };
  if (!text.startsWith('arn:')) return { problem: `"${text}" is not a principal. ${WHAT_FITS}` };

  const service = text.split(':')[2];
  if (service === 'organizations') {
    let m = ORGANIZATION_ARN.exec(text);
    if (m) return { principal: { value: text, kind: 'organization', accountId: m[1], id: m[2] } };
    m = OU_ARN.exec(text);
    if (m) return { principal: { value: text, kind: 'organizationalUnit', accountId: m[1], id: m[3] } };
    if (text.includes(':ou/')) return { problem: `"${text}" is not a valid OU ARN: it must look like ${OU_EXAMPLE}.` };
    if (text.includes(':organization/')) return { problem: `"${text}" is not a valid organization ARN: it must look like ${ORGANIZATION_EXAMPLE}.` };
    return { problem: `"${text}" is neither an organization nor an OU ARN (${ORGANIZATION_EXAMPLE}, or ${OU_EXAMPLE}).` };
  }
  if (service === 'iam') {
    const m = IAM_ARN.exec(text);
    if (m) return { principal: { value: text, kind: m[2] === 'role' ? 'iamRole' : 'iamUser', accountId: m[1] } };
    if (/^arn:[^:]+:iam::\d{12}:root$/.test(text)) return { problem: `"${text}" names a whole account: enter its 12-digit account id instead.` };
    if (/:(group|policy|instance-profile)\//.test(text)) return { problem: `"${text}" is not a role or a user: RAM shares with IAM roles and users only.` };
    return { problem: `"${text}" is not a valid IAM role or user ARN: it must look like arn:aws:iam::<account>:role/<name> or arn:aws:iam::<account>:user/<name>.` };
  }
  return { problem: `"${text}" is an ARN of ${service || 'an unknown service'}, not a principal. ${WHAT_FITS}` };
}

/**
 * Commas, semicolons or whitespace separated principals, de-duplicated in input order, with every
 * problem found (one sentence each). IAM names containing commas are not supported in this text form.
 */
export function parsePrincipalList(input: string, ownAccountId?: string): { principals: Principal[]; problems: string[] } {
  const principals: Principal[] = [];
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const token of input.split(/[\s,;]+/)) {
    if (!token || seen.has(token)) continue;
    seen.add(token);
    const r = parsePrincipal(token, ownAccountId);
    if ('problem' in r) problems.push(r.problem);
    else principals.push(r.principal);
  }
  if (principals.length === 0 && problems.length === 0) problems.push(`Enter at least one principal. ${WHAT_FITS}`);
  return { principals, problems };
}

/** The first problem, plus how many more there are: what an input box can show in one line. */
export function summarizeProblems(problems: string[]): string | undefined {
  if (problems.length === 0) return undefined;
  return problems.length === 1 ? problems[0] : `${problems[0]} (${problems.length - 1} more problem${problems.length > 2 ? 's' : ''})`;
}

/** How a principal RAM reports (any string) reads in the tree: kind and a short label. No validation. */
export function describePrincipal(entity: string): { kind: PrincipalKind | 'other'; label: string; kindText: string } {
  const r = parsePrincipal(entity);
  if ('problem' in r) return { kind: 'other', label: entity, kindText: 'principal' };
  const p = r.principal;
  switch (p.kind) {
    case 'account':
      return { kind: p.kind, label: p.value, kindText: 'account' };
    case 'organization':
      return { kind: p.kind, label: `Organization ${p.id}`, kindText: 'organization' };
    case 'organizationalUnit':
      return { kind: p.kind, label: `OU ${p.id}`, kindText: 'organizational unit' };
    case 'iamRole':
    case 'iamUser': {
      const name = entity.slice(entity.indexOf(p.kind === 'iamRole' ? ':role/' : ':user/') + 6);
      return { kind: p.kind, label: `${name} (${p.accountId})`, kindText: p.kind === 'iamRole' ? 'IAM role' : 'IAM user' };
    }
  }
}
