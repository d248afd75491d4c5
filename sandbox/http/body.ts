// Reads a request body; oversized bodies are drained (so the client sees our reply, not a
// broken pipe) and reported rather than kept.
import type { IncomingMessage } from 'node:http';
import { MAX_BODY_BYTES } from '../constants';

const EMPTY = Buffer.alloc(0);

export function readBody(req: IncomingMessage): Promise<{ body: Buffer; tooLarge: boolean }> {
  if (req.headers['content-length'] === '0' || (req.headers['content-length'] === undefined && req.headers['transfer-encoding'] === undefined)) {
    return Promise.resolve({ body: EMPTY, tooLarge: false });
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    req.on('end', () => resolve({ body: size <= MAX_BODY_BYTES ? Buffer.concat(chunks) : EMPTY, tooLarge: size > MAX_BODY_BYTES }));
    req.on('error', reject);
  });
}

/** Each `&`-separated part of a query or form body must be valid percent-encoded UTF-8. */
export function badPercentEncoding(query: string): string | undefined {
  for (const part of query.split('&')) {
    try {
      decodeURIComponent(part.replace(/\+/g, ' '));
    } catch {
      return part.length > 80 ? `${part.slice(0, 80)}…` : part;
    }
  }
  return undefined;
}
