// A small tokenizer for Python and TypeScript/JavaScript: just enough to tell code from comments and
// strings, and plain string literals from f-strings, template literals and escaped text. The scanner
// matches feature-group references on these tokens, so text inside comments or docstrings never
// counts. Pure (no 'vscode').

export type LookupLanguage = 'python' | 'typescript' | 'javascript';

export interface StringToken {
  kind: 'string';
  /** Offsets of the whole literal, prefix and quotes included. */
  start: number;
  end: number;
  /** Offsets of the text between the quotes. */
  valueStart: number;
  valueEnd: number;
  /** The literal's value; undefined when it is not plain text (interpolation, escapes, byte strings). */
  value: string | undefined;
  /** False when the line (or file) ended before the closing quote: the user is still typing it. */
  terminated: boolean;
}

export interface WordToken {
  kind: 'ident' | 'number' | 'punct';
  start: number;
  end: number;
  text: string;
}

export type Token = StringToken | WordToken;

const IDENT_START = /[A-Za-z_$\u00C0-\uFFFF]/;
const IDENT_PART = /[A-Za-z0-9_$\u00C0-\uFFFF]/;
const DIGIT = /[0-9]/;
const PYTHON_STRING_PREFIX = /^(r|u|f|b|br|rb|fr|rf)$/i;
/** After these a `/` starts a regular expression, not a division. */
const REGEX_AFTER_KEYWORD = new Set(['return', 'typeof', 'instanceof', 'in', 'of', 'new', 'delete', 'void', 'throw', 'case', 'do', 'else', 'yield', 'await']);

class Lexer {
  readonly tokens: Token[] = [];
  private pos = 0;

  constructor(
    private readonly text: string,
    private readonly language: LookupLanguage,
  ) {}

  run(): Token[] {
    while (this.pos < this.text.length) this.next();
    return this.tokens;
  }

  /** Lexes one token (or skips blanks/comments) at the current position. */
  private next(): void {
    const { text } = this;
    const c = text[this.pos];
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\f' || c === '\v') {
      this.pos++;
      return;
    }
    if (this.language === 'python') {
      if (c === '#') return this.skipToLineEnd();
      if (c === '"' || c === "'") return this.pythonString(this.pos, '');
    } else {
      if (c === '/' && text[this.pos + 1] === '/') return this.skipToLineEnd();
      if (c === '/' && text[this.pos + 1] === '*') return this.skipBlockComment();
      if (c === '"' || c === "'") return this.scriptString(c);
      if (c === '`') return this.templateLiteral();
      if (c === '/' && this.regexAllowed()) return this.regexLiteral();
    }
    if (IDENT_START.test(c)) {
      const start = this.pos;
      while (this.pos < text.length && IDENT_PART.test(text[this.pos])) this.pos++;
      const word = text.slice(start, this.pos);
      const quote = text[this.pos];
      if (this.language === 'python' && (quote === '"' || quote === "'") && PYTHON_STRING_PREFIX.test(word)) {
        return this.pythonString(start, word.toLowerCase());
      }
      this.tokens.push({ kind: 'ident', start, end: this.pos, text: word });
      return;
    }
    if (DIGIT.test(c) || (c === '.' && DIGIT.test(text[this.pos + 1] ?? ''))) {
      const start = this.pos;
      while (this.pos < text.length && /[0-9A-Za-z_.]/.test(text[this.pos])) this.pos++;
      this.tokens.push({ kind: 'number', start, end: this.pos, text: text.slice(start, this.pos) });
      return;
    }
    this.tokens.push({ kind: 'punct', start: this.pos, end: this.pos + 1, text: c });
    this.pos++;
  }

  private skipToLineEnd(): void {
    while (this.pos < this.text.length && this.text[this.pos] !== '\n') this.pos++;
  }

  private skipBlockComment(): void {
    const close = this.text.indexOf('*/', this.pos + 2);
    this.pos = close < 0 ? this.text.length : close + 2;
  }

  /** `prefix` is the lower-cased string prefix (r, f, b, rb, ...), already consumed from `start`. */
  private pythonString(start: number, prefix: string): void {
    const { text } = this;
    const quote = text[this.pos];
    const triple = text.startsWith(quote.repeat(3), this.pos);
    const delimiter = triple ? quote.repeat(3) : quote;
    const raw = prefix.includes('r');
    const valueStart = this.pos + delimiter.length;
    let i = valueStart;
    let terminated = false;
    let valueEnd = text.length;
    while (i < text.length) {
      const ch = text[i];
      if (ch === '\\') {
        i += 2;
        continue;
      }
      if (!triple && ch === '\n') {
        valueEnd = i;
        break;
      }
      if (text.startsWith(delimiter, i)) {
        valueEnd = i;
        terminated = true;
        i += delimiter.length;
        break;
      }
      i++;
    }
    if (!terminated && !triple) i = valueEnd;
    valueEnd = Math.min(valueEnd, text.length);
    const content = text.slice(valueStart, valueEnd);
    let value: string | undefined = content;
    if (prefix.includes('b')) value = undefined;
    else if (prefix.includes('f') && content.includes('{')) value = undefined;
    else if (content.includes('\\') && !raw) value = undefined;
    else if (content.includes('\n')) value = undefined;
    this.tokens.push({ kind: 'string', start, end: i, valueStart, valueEnd, value, terminated });
    this.pos = i;
  }

  private scriptString(quote: string): void {
    const { text } = this;
    const start = this.pos;
    const valueStart = start + 1;
    let i = valueStart;
    let terminated = false;
    let valueEnd = text.length;
    while (i < text.length) {
      const ch = text[i];
      if (ch === '\\') {
        i += 2;
        continue;
      }
      if (ch === '\n') {
        valueEnd = i;
        break;
      }
      if (ch === quote) {
        valueEnd = i;
        terminated = true;
        i++;
        break;
      }
      i++;
    }
    if (!terminated) i = Math.min(valueEnd, text.length);
    valueEnd = Math.min(valueEnd, text.length);
    const content = text.slice(valueStart, valueEnd);
    this.tokens.push({ kind: 'string', start, end: i, valueStart, valueEnd, value: content.includes('\\') ? undefined : content, terminated });
    this.pos = i;
  }

  /** A template literal; `${...}` parts are lexed as code (they may hold references of their own). */
  private templateLiteral(): void {
    const { text } = this;
    const start = this.pos;
    const valueStart = start + 1;
    const index = this.tokens.length;
    let i = valueStart;
    let interpolated = false;
    let terminated = false;
    let valueEnd = text.length;
    while (i < text.length) {
      const ch = text[i];
      if (ch === '\\') {
        i += 2;
        continue;
      }
      if (ch === '`') {
        valueEnd = i;
        terminated = true;
        i++;
        break;
      }
      if (ch === '$' && text[i + 1] === '{') {
        interpolated = true;
        this.pos = i + 2;
        this.lexUntilClosingBrace();
        i = this.pos;
        continue;
      }
      i++;
    }
    valueEnd = Math.min(valueEnd, text.length);
    const content = text.slice(valueStart, valueEnd);
    const value = interpolated || content.includes('\\') || content.includes('\n') ? undefined : content;
    // The literal goes before the tokens of its `${}` parts, in source order.
    this.tokens.splice(index, 0, { kind: 'string', start, end: i, valueStart, valueEnd, value, terminated });
    this.pos = i;
  }

  /** Lexes code until the `}` that closes a template's `${`, which is consumed. */
  private lexUntilClosingBrace(): void {
    let depth = 0;
    while (this.pos < this.text.length) {
      const c = this.text[this.pos];
      if (c === '}' && depth === 0) {
        this.pos++;
        return;
      }
      const before = this.tokens.length;
      this.next();
      const added = this.tokens[before];
      if (added?.kind === 'punct') {
        if (added.text === '{') depth++;
        else if (added.text === '}') depth--;
      }
    }
  }

  private regexAllowed(): boolean {
    const prev = this.tokens[this.tokens.length - 1];
    if (!prev) return true;
    if (prev.kind === 'string' || prev.kind === 'number') return false;
    if (prev.kind === 'ident') return REGEX_AFTER_KEYWORD.has(prev.text);
    return !(prev.text === ')' || prev.text === ']' || prev.text === '}');
  }

  private regexLiteral(): void {
    const { text } = this;
    let i = this.pos + 1;
    let inClass = false;
    while (i < text.length && text[i] !== '\n') {
      const ch = text[i];
      if (ch === '\\') {
        i += 2;
        continue;
      }
      if (ch === '[') inClass = true;
      else if (ch === ']') inClass = false;
      else if (ch === '/' && !inClass) {
        i++;
        break;
      }
      i++;
    }
    while (i < text.length && IDENT_PART.test(text[i])) i++;
    this.pos = i;
  }
}

export function tokenize(text: string, language: LookupLanguage): Token[] {
  return new Lexer(text, language).run();
}
