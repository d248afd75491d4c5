// Ports and readiness polling.
import net from 'node:net';

export function isPortFree(port: number, host = '127.0.0.1'): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen(port, host, () => server.close(() => resolve(true)));
  });
}

export function freePort(host = '127.0.0.1'): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, host, () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** The preferred port when it is free, any free port otherwise (0 means "any"). */
export async function pickPort(preferred: number): Promise<number> {
  if (preferred > 0 && (await isPortFree(preferred))) return preferred;
  return freePort();
}

/**
 * Polls `url` until it answers with a status below 500. Fails early when `exited` settles first
 * (the server died) and after `timeoutMs`.
 */
export async function waitForHttp(url: string, opts: { timeoutMs?: number; exited?: Promise<unknown>; what?: string } = {}): Promise<void> {
  const deadline = Date.now() + (opts.timeoutMs ?? 60_000);
  let died: unknown;
  let hasDied = false;
  opts.exited?.then((code) => {
    hasDied = true;
    died = code;
  });
  let lastError = '';
  while (Date.now() < deadline) {
    if (hasDied) throw new Error(`${opts.what ?? url} exited (${String(died)}) before it answered`);
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(2000) });
      if (res.status < 500) return;
      lastError = `HTTP ${res.status}`;
    } catch (err) {
      lastError = (err as Error).message;
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${opts.what ?? url} did not answer within ${opts.timeoutMs ?? 60_000} ms (${lastError})`);
}
