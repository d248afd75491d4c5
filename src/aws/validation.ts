// Pure checks on what a user types before anything is sent to AWS.

const ACCOUNT_ID = /^\d{12}$/;

/** An error message, or undefined when `input` is a usable 12-digit account id. */
export function validateAccountId(input: string, ownAccountId?: string): string | undefined {
  const id = input.trim();
  if (!id) return 'Enter a 12-digit AWS account id.';
  if (!ACCOUNT_ID.test(id)) {
    return /^\d+$/.test(id)
      ? `"${id}" has ${id.length} digits; an AWS account id has exactly 12.`
      : `"${id}" is not an AWS account id: use exactly 12 digits.`;
  }
  if (ownAccountId && id === ownAccountId) return `${id} is your own account: share with another account.`;
  return undefined;
}

/** Comma, semicolon or whitespace separated ids, de-duplicated in input order. */
export function parseAccountIdList(input: string, ownAccountId?: string): { ids: string[]; error?: string } {
  const ids: string[] = [];
  for (const token of input.split(/[\s,;]+/)) {
    if (token && !ids.includes(token)) ids.push(token);
  }
  if (ids.length === 0) return { ids, error: 'Enter at least one 12-digit AWS account id.' };
  for (const id of ids) {
    const error = validateAccountId(id, ownAccountId);
    if (error) return { ids, error };
  }
  return { ids };
}

/** Error message for an empty record identifier; any other string is a valid identifier value. */
export function validateRecordId(input: string): string | undefined {
  if (input.length === 0) return 'Enter a record identifier.';
  if (input.trim().length === 0) return 'The record identifier is only blanks; enter a value.';
  return undefined;
}
