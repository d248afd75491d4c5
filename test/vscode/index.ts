// Entry of the extension-host suite (bundled by scripts/run-vscode-tests.ts to dist/test/vscode/index.js).
// Runs in real VS Code against the demo sandbox the runner started (FSE_SANDBOX_URL) with the three
// demo profiles in AWS_CONFIG_FILE / AWS_SHARED_CREDENTIALS_FILE.
import { runMochaSuite } from '../../scripts/lib/mocha-in-host';

export function run(): Promise<void> {
  return runMochaSuite({
    load: async () => {
      // Literal paths: esbuild bundles each file; they run after mocha's globals exist.
      await import('./activation.test');
      await import('./tree.test');
      await import('./inspector.test');
      await import('./lookup.test');
      // Edits the AWS files the extension host reads (and puts them back).
      await import('./profiles.test');
      // Last: it changes the sandbox (and resets it when done).
      await import('./sharing.test');
      await import('./sharingLifecycle.test');
      // After everything: the log of the whole run is scanned for secrets.
      await import('./profilesLog.test');
    },
  });
}
