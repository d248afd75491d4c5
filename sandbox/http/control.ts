// The /_sandbox/ control API (no auth): health, reset, clock, latency, faults, state dump.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { SandboxRuntime } from '../runtimeState';
import { END_EVENT_TIME_SECONDS, isoInstant, MIN_EVENT_TIME_SECONDS } from '../time';
import { parseFault } from './controls';

type Body = Record<string, unknown>;

function send(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

export async function handleControl(rt: SandboxRuntime, req: IncomingMessage, res: ServerResponse, path: string, raw: Buffer): Promise<void> {
  let body: Body = {};
  if (raw.length > 0) {
    try {
      body = JSON.parse(raw.toString('utf8')) as Body;
    } catch {
      return send(res, 400, { error: 'body must be JSON' });
    }
  }
  const key = `${req.method} ${path}`;
  const core = rt.core;
  switch (key) {
    case 'GET /_sandbox/health': {
      const s = core.state;
      return send(res, 200, {
        status: 'ok',
        now: isoInstant(core.now()) ?? null,
        featureGroups: Object.keys(s.featureGroups).length,
        resourceShares: Object.keys(s.shares).length,
        invitations: Object.keys(s.invitations).length,
        statePath: rt.store.path ?? null,
      });
    }
    case 'POST /_sandbox/reset': {
      const seed = body.seed ?? rt.seed;
      if (seed !== 'demo' && seed !== 'empty') return send(res, 400, { error: 'seed must be "demo" or "empty"' });
      await rt.reset(seed);
      return send(res, 200, { status: 'reset', seed });
    }
    case 'GET /_sandbox/clock':
      return send(res, 200, { now: isoInstant(core.now()) ?? null, offsetSeconds: core.state.clockOffsetMs / 1000 });
    case 'POST /_sandbox/clock': {
      const seconds = body.advanceSeconds;
      if (typeof seconds !== 'number' || !Number.isFinite(seconds)) return send(res, 400, { error: 'advanceSeconds must be a number' });
      // The clock stays within the years AWS timestamps can show (0000–9999).
      const next = core.now() + seconds * 1000;
      if (!(next >= MIN_EVENT_TIME_SECONDS * 1000 && next < END_EVENT_TIME_SECONDS * 1000)) return send(res, 400, { error: 'advanceSeconds would move the clock outside the years 0000–9999' });
      core.state.clockOffsetMs += seconds * 1000;
      await rt.store.changed();
      return send(res, 200, { now: isoInstant(core.now()) ?? null, offsetSeconds: core.state.clockOffsetMs / 1000 });
    }
    case 'POST /_sandbox/latency': {
      const { ms, operation } = body;
      if (typeof ms !== 'number' || ms < 0) return send(res, 400, { error: 'ms must be a non-negative number' });
      if (operation !== undefined && typeof operation !== 'string') return send(res, 400, { error: 'operation must be a string' });
      if (operation && operation !== '*') rt.controls.operationLatency.set(operation, ms);
      else {
        rt.controls.latencyMs = ms;
        rt.controls.operationLatency.clear();
      }
      return send(res, 200, { ms, operation: operation ?? '*' });
    }
    case 'GET /_sandbox/faults':
      return send(res, 200, { faults: rt.controls.faults });
    case 'POST /_sandbox/faults': {
      const fault = parseFault(body);
      if (typeof fault === 'string') return send(res, 400, { error: fault });
      rt.controls.faults.push(fault);
      return send(res, 200, { faults: rt.controls.faults });
    }
    case 'DELETE /_sandbox/faults':
      rt.controls.faults = [];
      return send(res, 200, { faults: [] });
    case 'GET /_sandbox/state':
      return send(res, 200, core.state);
    default:
      return send(res, 404, { error: `no sandbox control ${key}` });
  }
}
