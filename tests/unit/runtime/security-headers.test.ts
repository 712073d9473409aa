import type { AddressInfo } from 'node:net';
import express, { type RequestHandler } from 'express';
import { describe, expect, it } from 'vitest';
import {
  fixedHeaders,
  helmetWithPolicy,
  securityHeaders,
} from '../../../runtime/http/security-headers.js';

/** The headers a real server answers with through `middleware`. */
async function headersThrough(middleware: RequestHandler): Promise<Record<string, string>> {
  const app = express();
  app.use(middleware);
  app.get('/', (_req, res) => res.json({ ok: true }));
  const server = app.listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  try {
    const res = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
    const out: Record<string, string> = {};
    res.headers.forEach((v, k) => {
      if (k !== 'date' && k !== 'etag') out[k] = v;
    });
    return out;
  } finally {
    server.close();
  }
}

describe('security headers', () => {
  it('are worked out once and equal what helmet sets per request', async () => {
    expect(fixedHeaders(helmetWithPolicy())?.set.length).toBeGreaterThan(8);
    const fast = await headersThrough(securityHeaders());
    expect(fast).toEqual(await headersThrough(helmetWithPolicy()));
    expect(fast['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(fast['x-powered-by']).toBeUndefined();
  });

  it('a middleware that reads the request is not turned into a fixed list', () => {
    const readsRequest: RequestHandler = (req, res, next) => {
      res.setHeader('x-path', String(req.path));
      next();
    };
    expect(fixedHeaders(readsRequest)).toBeUndefined();
  });
});
