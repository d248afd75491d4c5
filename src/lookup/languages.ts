// Which documents the lookup reads: Python files and notebook code cells, TypeScript and JavaScript.
import type * as vscode from 'vscode';
import type { LookupLanguage } from './lexer';

const LANGUAGES: Record<string, LookupLanguage> = {
  python: 'python',
  typescript: 'typescript',
  typescriptreact: 'typescript',
  javascript: 'javascript',
  javascriptreact: 'javascript',
};

/** Real files, unsaved files and notebook cells; not diff views, output channels or our own peeks. */
const SCHEMES = ['file', 'untitled', 'vscode-notebook-cell'];

export const LOOKUP_SELECTOR: vscode.DocumentFilter[] = Object.keys(LANGUAGES).flatMap((language) => SCHEMES.map((scheme) => ({ language, scheme })));

export function lookupLanguageOf(document: Pick<vscode.TextDocument, 'languageId' | 'uri'>): LookupLanguage | undefined {
  return SCHEMES.includes(document.uri.scheme) ? LANGUAGES[document.languageId] : undefined;
}
