// Shared by profiles.test.ts (which writes them into AWS files and scripts) and profilesLog.test.ts.

/** Secrets profiles.test.ts writes into AWS files and scripts; profilesLog.test.ts checks none reaches the log. */
export const TEST_SECRETS = {
  staticKey: 'fsxStaticSecret0123456789ABCDEFGHIJabcdefgh',
  processKey: 'fsxProcessSecret0123456789ABCDEFGHIJabcdef',
  processToken: 'fsxProcessToken0123456789ABCDEFGHIJabcdefXYZ',
  leakedOnStderr: 'fsxStderrSecret0123456789ABCDEFGHIJabcdefgh',
};
