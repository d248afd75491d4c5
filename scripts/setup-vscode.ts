// `npm run setup`: installs real VS Code (code-server 4.100.3 = VS Code 1.100.3) into .tools/ and the
// Debian packages it needs (chromium, ripgrep, build headers). Idempotent; see scripts/lib/setup.ts.
import { runMain } from './lib/processes';
import { setupVscode } from './lib/setup';

runMain(setupVscode);
