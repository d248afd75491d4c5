// Where the test/demo tooling lives, computed once so every script agrees.
import path from 'node:path';

export const repoRoot = path.resolve(__dirname, '..', '..');
export const toolsDir = path.join(repoRoot, '.tools');
export const codeServerToolDir = path.join(toolsDir, 'code-server');
export const codeServerPackageDir = path.join(codeServerToolDir, 'node_modules', 'code-server');
export const codeServerEntry = path.join(codeServerPackageDir, 'out', 'node', 'entry.js');
export const vscodeDir = path.join(codeServerPackageDir, 'lib', 'vscode');
export const vscodeServerMain = path.join(vscodeDir, 'out', 'server-main.js');
export const setupStampFile = path.join(codeServerToolDir, '.setup-stamp.json');
export const testResultsDir = path.join(repoRoot, 'test-results');
export const chromiumPath = '/usr/bin/chromium';

export const CODE_SERVER_VERSION = '4.100.3';
export const VSCODE_VERSION = '1.100.3';
