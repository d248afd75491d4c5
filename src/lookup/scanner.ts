// Finds feature-group references in source text: names and ARNs passed as FeatureGroupName (boto3
// kwargs, dict keys, JS SDK command inputs) or to FeatureGroup(...) (SageMaker Python SDK), plus
// the record identifier literals and FeatureNames lists written next to them. A module-level
// constant assigned exactly once to a plain string and then passed as FeatureGroupName counts too;
// anything computed (f-strings, templates, concatenation, attributes, reassigned variables) does
// not, since its value is unknown until the code runs. Pure (no 'vscode'): offsets in, offsets out.
import { isFeatureGroupArn } from '../aws/arn';
import { tokenize, type LookupLanguage, type StringToken, type Token } from './lexer';

export type { LookupLanguage } from './lexer';

/** A plain string literal: its value and the offsets of the text between its quotes. */
export interface StringLiteral {
  value: string;
  start: number;
  end: number;
}

export type ReferenceVia = 'FeatureGroupName' | 'FeatureGroup' | 'constant';

export interface FeatureGroupReference {
  language: LookupLanguage;
  /** Where hovers and CodeLenses attach: the literal's text, or the constant's name where it is used. */
  start: number;
  end: number;
  /** The name or ARN as written. */
  target: string;
  isArn: boolean;
  via: ReferenceVia;
  /** The literal that holds `target` (at the constant's definition when used through a constant). */
  literal: StringLiteral;
  constantName?: string;
  /** Literal record identifiers in the same call or object (one, or a BatchGetRecord list). */
  recordIds: StringLiteral[];
  /** Literal FeatureNames in the same call or object. */
  featureNames: StringLiteral[];
  /** The call or object the reference sits in (callee included), for "the group under the cursor". */
  scope?: { start: number; end: number };
}

export type CompletionSite =
  | { kind: 'featureGroup'; start: number; end: number; typed: string }
  | { kind: 'featureName'; start: number; end: number; typed: string; group?: FeatureGroupReference; present: string[] };

/** SageMaker's FeatureGroupName pattern. */
const GROUP_NAME = /^[a-zA-Z0-9](-*[a-zA-Z0-9]){0,63}$/;
const GROUP_KEYS = new Set(['FeatureGroupName']);
const RECORD_ID_KEYS = new Set(['RecordIdentifierValueAsString', 'record_identifier_value_as_string']);
const RECORD_ID_LIST_KEYS = new Set(['RecordIdentifiersValueAsString']);
const FEATURE_NAME_KEYS = new Set(['FeatureNames', 'feature_names']);
const DECLARATION_KEYWORDS = new Set(['const', 'let', 'var']);
const OPENERS: Record<string, string> = { '(': ')', '[': ']', '{': '}' };
const CLOSERS = new Set([')', ']', '}']);
const CLOSER_OPENER: Record<string, string> = { ')': '(', ']': '[', '}': '{' };

export function isGroupTarget(value: string): boolean {
  return GROUP_NAME.test(value) || isFeatureGroupArn(value);
}

/** Where each token sits: the innermost open bracket around it, and where each bracket closes. */
interface Structure {
  tokens: Token[];
  parent: number[];
  /** Open-bracket index → its closing token index (tokens.length when never closed). */
  close: Map<number, number>;
  /** Whether only blanks precede each token on its line. */
  firstOnLine: boolean[];
}

function structure(text: string, tokens: Token[]): Structure {
  const parent = new Array<number>(tokens.length).fill(-1);
  const close = new Map<number, number>();
  const stack: number[] = [];
  // Openers of each kind on the stack: a stray closer with none open is skipped without a search
  // down the stack, which keeps the whole pass linear on unbalanced text.
  const open: Record<string, number> = { '(': 0, '[': 0, '{': 0 };
  tokens.forEach((t, i) => {
    if (t.kind === 'punct' && CLOSERS.has(t.text)) {
      // Pop to the matching opener; a stray closer (unbalanced code being typed) is ignored.
      const opener = CLOSER_OPENER[t.text];
      if (open[opener] > 0) {
        let at = stack.length - 1;
        while ((tokens[stack[at]] as { text: string }).text !== opener) at--;
        for (const o of stack.splice(at)) {
          close.set(o, i);
          open[(tokens[o] as { text: string }).text]--;
        }
      }
    }
    parent[i] = stack.length ? stack[stack.length - 1] : -1;
    if (t.kind === 'punct' && OPENERS[t.text]) {
      stack.push(i);
      open[t.text]++;
    }
  });
  for (const o of stack) close.set(o, tokens.length);
  return { tokens, parent, close, firstOnLine: firstOnLineFlags(text, tokens) };
}

/** Line breaks and the blanks String#trim removes (the \s set). */
const BLANK = /\s/;

/** One pass over the text: is each token preceded on its line by blanks only? */
function firstOnLineFlags(text: string, tokens: Token[]): boolean[] {
  const flags = new Array<boolean>(tokens.length);
  let pos = 0;
  let content = false;
  for (let i = 0; i < tokens.length; i++) {
    const start = tokens[i].start;
    for (; pos < start; pos++) {
      const c = text[pos];
      if (c === '\n') content = false;
      else if (!content && !BLANK.test(c)) content = true;
    }
    flags[i] = !content;
  }
  return flags;
}

function isPunct(t: Token | undefined, text: string): boolean {
  return t?.kind === 'punct' && t.text === text;
}

function keyText(t: Token | undefined): string | undefined {
  if (!t) return undefined;
  if (t.kind === 'ident') return t.text;
  if (t.kind === 'string') return t.value;
  return undefined;
}

function literalOf(t: StringToken): StringLiteral | undefined {
  return t.value === undefined ? undefined : { value: t.value, start: t.valueStart, end: t.valueEnd };
}

class Analysis {
  readonly s: Structure;
  /** Constant name → its single plain-string definition (names assigned more than once are absent). */
  readonly constants = new Map<string, StringLiteral>();
  readonly references: FeatureGroupReference[] = [];
  /** Reference → the index of the bracket scope it was found in. */
  readonly scopeOf = new Map<FeatureGroupReference, number>();

  constructor(
    readonly text: string,
    readonly language: LookupLanguage,
  ) {
    this.s = structure(text, tokenize(text, language));
    this.findConstants();
    this.findReferences();
    this.references.sort((a, b) => a.start - b.start);
  }

  get tokens(): Token[] {
    return this.s.tokens;
  }

  /** True when `key` at index i is followed by `sep` (and not by `==` or `:=`). */
  private separatorAt(i: number, seps: string[]): string | undefined {
    const sep = this.tokens[i + 1];
    if (sep?.kind !== 'punct' || !seps.includes(sep.text)) return undefined;
    const after = this.tokens[i + 2];
    if (isPunct(after, '=') && after!.start === sep.end) return undefined;
    return sep.text;
  }

  /** A value at index j ends there: next is a comma, the enclosing bracket's closer, or nothing. */
  private valueEndsAt(j: number): boolean {
    const next = this.tokens[j + 1];
    if (!next) return true;
    if (isPunct(next, ',')) return true;
    const p = this.s.parent[j];
    return p >= 0 && this.s.close.get(p) === j + 1;
  }

  /** A statement-level value ends at j: nothing follows on its line (or a `;`). */
  private statementEndsAt(j: number): boolean {
    const next = this.tokens[j + 1];
    if (!next || isPunct(next, ';')) return true;
    return this.text.slice(this.tokens[j].end, next.start).includes('\n');
  }

  private firstOnLine(i: number): boolean {
    return this.s.firstOnLine[i];
  }

  private findConstants(): void {
    const definitions = new Map<string, StringLiteral[]>();
    const assignments = new Map<string, number>();
    const { tokens } = this;
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i];
      if (t.kind !== 'ident' || isPunct(tokens[i - 1], '.')) continue;
      let valueIndex: number | undefined;
      if (this.language === 'python') {
        if (this.s.parent[i] !== -1 || !this.firstOnLine(i) || !this.separatorAt(i, ['='])) continue;
        valueIndex = i + 2;
      } else {
        const declared = tokens[i - 1]?.kind === 'ident' && DECLARATION_KEYWORDS.has((tokens[i - 1] as { text: string }).text);
        if (this.separatorAt(i, ['='])) valueIndex = i + 2;
        else if (declared && isPunct(tokens[i + 1], ':') && tokens[i + 2]?.kind === 'ident' && this.separatorAt(i + 2, ['='])) valueIndex = i + 4;
        else continue;
        if (!declared && this.s.parent[i] !== -1 && isPunct(tokens[this.s.parent[i]], '(')) continue; // default parameter values
      }
      assignments.set(t.text, (assignments.get(t.text) ?? 0) + 1);
      const value = tokens[valueIndex];
      if (value?.kind !== 'string' || !this.statementEndsAt(valueIndex)) continue;
      const literal = literalOf(value);
      if (literal) definitions.set(t.text, [...(definitions.get(t.text) ?? []), literal]);
    }
    for (const [name, defs] of definitions) {
      if (defs.length === 1 && assignments.get(name) === 1 && isGroupTarget(defs[0].value)) this.constants.set(name, defs[0]);
    }
  }

  /** The group target at value index j: a literal, or a constant's name. */
  private targetAt(j: number): { start: number; end: number; literal: StringLiteral; constantName?: string } | undefined {
    const v = this.tokens[j];
    if (!v || !this.valueEndsAt(j)) return undefined;
    if (v.kind === 'string') {
      const literal = literalOf(v);
      return literal && isGroupTarget(literal.value) ? { start: literal.start, end: literal.end, literal } : undefined;
    }
    if (v.kind === 'ident') {
      const literal = this.constants.get(v.text);
      return literal ? { start: v.start, end: v.end, literal, constantName: v.text } : undefined;
    }
    return undefined;
  }

  /** The string literals directly inside the list opened at index j (`["a", "b"]`). */
  private listLiterals(j: number): StringLiteral[] {
    const out: StringLiteral[] = [];
    if (!isPunct(this.tokens[j], '[')) return out;
    const end = this.s.close.get(j) ?? this.tokens.length;
    for (let k = j + 1; k < end; k++) {
      const t = this.tokens[k];
      if (t.kind === 'string' && this.s.parent[k] === j) {
        const literal = literalOf(t);
        if (literal) out.push(literal);
      }
    }
    return out;
  }

  /** Record ids and feature names written as keys of the scope opened at index `open` (fresh arrays each call). */
  private extrasIn(open: number): { recordIds: StringLiteral[]; featureNames: StringLiteral[] } {
    // Computed once per scope: a scope with many references would otherwise be walked once for each.
    let found = this.extrasCache.get(open);
    if (!found) {
      found = this.findExtras(open);
      this.extrasCache.set(open, found);
    }
    return { recordIds: [...found.recordIds], featureNames: [...found.featureNames] };
  }

  private readonly extrasCache = new Map<number, { recordIds: StringLiteral[]; featureNames: StringLiteral[] }>();

  private findExtras(open: number): { recordIds: StringLiteral[]; featureNames: StringLiteral[] } {
    const recordIds: StringLiteral[] = [];
    const featureNames: StringLiteral[] = [];
    const end = this.s.close.get(open) ?? this.tokens.length;
    for (let i = open + 1; i < end; i++) {
      if (this.s.parent[i] !== open) continue;
      const key = keyText(this.tokens[i]);
      if (!key || !this.separatorAt(i, ['=', ':'])) continue;
      const v = this.tokens[i + 2];
      if (RECORD_ID_KEYS.has(key) && v?.kind === 'string' && this.valueEndsAt(i + 2)) {
        const literal = literalOf(v);
        if (literal) recordIds.push(literal);
      } else if (RECORD_ID_LIST_KEYS.has(key)) {
        recordIds.push(...this.listLiterals(i + 2));
      } else if (FEATURE_NAME_KEYS.has(key)) {
        featureNames.push(...this.listLiterals(i + 2));
      }
    }
    return { recordIds, featureNames };
  }

  private scopeRange(open: number): { start: number; end: number } {
    const closeIndex = this.s.close.get(open) ?? this.tokens.length;
    const closeToken = this.tokens[closeIndex];
    const callee = this.tokens[open - 1];
    const start = callee?.kind === 'ident' && isPunct(this.tokens[open], '(') ? callee.start : this.tokens[open].start;
    return { start, end: closeToken ? closeToken.end : this.text.length };
  }

  private add(open: number, via: ReferenceVia, target: NonNullable<ReturnType<Analysis['targetAt']>>, extras: { recordIds: StringLiteral[]; featureNames: StringLiteral[] }): void {
    const ref: FeatureGroupReference = {
      language: this.language,
      start: target.start,
      end: target.end,
      target: target.literal.value,
      isArn: isFeatureGroupArn(target.literal.value),
      via,
      literal: target.literal,
      recordIds: extras.recordIds,
      featureNames: extras.featureNames,
    };
    if (target.constantName) ref.constantName = target.constantName;
    if (open >= 0) ref.scope = this.scopeRange(open);
    this.references.push(ref);
    this.scopeOf.set(ref, open);
  }

  private findReferences(): void {
    const { tokens } = this;
    const usedConstants = new Set<string>();
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i];
      const open = this.s.parent[i];
      // FeatureGroupName="x" (call keyword) or FeatureGroupName: "x" / "FeatureGroupName": "x" (object, dict).
      const key = keyText(t);
      if (key && GROUP_KEYS.has(key) && open >= 0) {
        const opener = (tokens[open] as { text: string }).text;
        const sep = this.separatorAt(i, ['=', ':']);
        const fits = (sep === '=' && opener === '(' && t.kind === 'ident' && this.language === 'python') || (sep === ':' && opener === '{');
        const target = fits ? this.targetAt(i + 2) : undefined;
        if (target) {
          this.add(open, 'FeatureGroupName', target, this.extrasIn(open));
          if (target.constantName) usedConstants.add(target.constantName);
        }
        continue;
      }
      // FeatureGroup("x", ...) or FeatureGroup(name="x", ...), maybe followed by .get_record(...).
      if (this.language === 'python' && t.kind === 'ident' && t.text === 'FeatureGroup' && isPunct(tokens[i + 1], '(')) {
        const call = i + 1;
        const target = this.featureGroupCallTarget(call);
        if (!target) continue;
        const extras = this.extrasIn(call);
        const chained = this.chainedCall(call);
        if (chained !== undefined) {
          const more = this.extrasIn(chained);
          extras.recordIds.push(...more.recordIds);
          extras.featureNames.push(...more.featureNames);
        }
        this.add(call, 'FeatureGroup', target, extras);
        if (target.constantName) usedConstants.add(target.constantName);
      }
    }
    // A constant's own definition is a reference too (that is where a quick fix edits), once it is used as one.
    for (const name of usedConstants) {
      const literal = this.constants.get(name)!;
      this.add(-1, 'constant', { start: literal.start, end: literal.end, literal, constantName: name }, { recordIds: [], featureNames: [] });
    }
  }

  private featureGroupCallTarget(call: number): ReturnType<Analysis['targetAt']> {
    const end = this.s.close.get(call) ?? this.tokens.length;
    const first = call + 1;
    if (first < end && this.s.parent[first] === call && !this.separatorAt(first, ['='])) return this.targetAt(first);
    for (let i = first; i < end; i++) {
      if (this.s.parent[i] === call && keyText(this.tokens[i]) === 'name' && this.tokens[i].kind === 'ident' && this.separatorAt(i, ['='])) {
        return this.targetAt(i + 2);
      }
    }
    return undefined;
  }

  /** `FeatureGroup(...).method(` → the index of the method call's `(`. */
  private chainedCall(call: number): number | undefined {
    const close = this.s.close.get(call);
    if (close === undefined) return undefined;
    const [dot, method, paren] = [this.tokens[close + 1], this.tokens[close + 2], this.tokens[close + 3]];
    return isPunct(dot, '.') && method?.kind === 'ident' && isPunct(paren, '(') ? close + 3 : undefined;
  }

  /** The role of the string containing `offset`, when completions make sense there. */
  completionSiteAt(offset: number): CompletionSite | undefined {
    const { tokens } = this;
    const k = tokens.findIndex((t) => t.kind === 'string' && t.valueStart <= offset && offset <= t.valueEnd);
    if (k < 0) return undefined;
    const str = tokens[k] as StringToken;
    // Completing inside f-strings or templates would insert into code that computes the name.
    if (str.value === undefined) return undefined;
    const typed = this.text.slice(str.valueStart, offset);
    const site = { start: str.valueStart, end: str.valueEnd, typed };
    const open = this.s.parent[k];
    const prev = tokens[k - 1];
    const prevKey = keyText(tokens[k - 2]);
    if ((isPunct(prev, '=') || isPunct(prev, ':')) && prevKey && GROUP_KEYS.has(prevKey)) return { kind: 'featureGroup', ...site };
    if (this.language === 'python' && open > 0 && isPunct(tokens[open], '(') && keyText(tokens[open - 1]) === 'FeatureGroup') {
      if (k === open + 1 || (isPunct(prev, '=') && keyText(tokens[k - 2]) === 'name')) return { kind: 'featureGroup', ...site };
    }
    if (isPunct(prev, '=') && tokens[k - 2]?.kind === 'ident' && this.references.some((r) => r.via === 'constant' && r.literal.start === str.valueStart)) {
      return { kind: 'featureGroup', ...site };
    }
    if (open > 0 && isPunct(tokens[open], '[')) {
      const listKey = keyText(tokens[open - 2]);
      if ((isPunct(tokens[open - 1], '=') || isPunct(tokens[open - 1], ':')) && listKey && FEATURE_NAME_KEYS.has(listKey)) {
        const scope = this.s.parent[open];
        const group = this.references.find((r) => this.scopeOf.get(r) === scope && r.via !== 'constant')
          ?? this.chainedGroup(scope);
        const present = this.listLiterals(open).filter((l) => l.start !== str.valueStart).map((l) => l.value);
        return { kind: 'featureName', ...site, group, present };
      }
    }
    return undefined;
  }

  /** For `FeatureGroup(name="x").get_record(feature_names=[...])`: the reference of the FeatureGroup call. */
  private chainedGroup(scope: number): FeatureGroupReference | undefined {
    if (scope < 0) return undefined;
    return this.references.find((r) => {
      const call = this.scopeOf.get(r);
      return r.via === 'FeatureGroup' && call !== undefined && this.chainedCall(call) === scope;
    });
  }
}

/**
 * Documents longer than this (UTF-16 code units, about 2 MB) are not scanned: such files are
 * generated or minified data, and hovers, lenses and diagnostics re-scan on every edit.
 */
export const MAX_SCANNED_LENGTH = 2 * 1024 * 1024;

/** Why a document of `length` characters is not scanned, or undefined when it is. */
export function scanSkipReason(length: number): string | undefined {
  if (length <= MAX_SCANNED_LENGTH) return undefined;
  return `it has ${(length / (1024 * 1024)).toFixed(1)} million characters, more than the ${MAX_SCANNED_LENGTH / (1024 * 1024)} MB the inline lookup scans`;
}

/** Every feature-group reference in `text`, in source order. */
export function scanReferences(text: string, language: LookupLanguage): FeatureGroupReference[] {
  return new Analysis(text, language).references;
}

/**
 * What completions belong at `offset`: group names/ARNs in a FeatureGroupName string, feature names
 * in a FeatureNames list. Nothing in documents too large to scan (see scanSkipReason).
 */
export function completionSiteAt(text: string, offset: number, language: LookupLanguage): CompletionSite | undefined {
  if (scanSkipReason(text.length)) return undefined;
  return new Analysis(text, language).completionSiteAt(offset);
}

/**
 * The reference "under the cursor": the one whose text contains `offset`, else the innermost call or
 * object around `offset` that holds one, else the first one on the same line.
 */
export function referenceAt(references: FeatureGroupReference[], offset: number, text: string): FeatureGroupReference | undefined {
  const direct = references.find((r) => r.start <= offset && offset <= r.end);
  if (direct) return direct;
  const around = references
    .filter((r) => r.scope && r.scope.start <= offset && offset <= r.scope.end)
    .sort((a, b) => a.scope!.end - a.scope!.start - (b.scope!.end - b.scope!.start));
  if (around.length) return around[0];
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const lineEndRaw = text.indexOf('\n', offset);
  const lineEnd = lineEndRaw < 0 ? text.length : lineEndRaw;
  return references.find((r) => r.start >= lineStart && r.start <= lineEnd);
}
