/** The request body middleware on a real Node HTTP server (the path production takes). */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Hono } from 'hono';
import { validator } from 'hono/validator';
import { serve } from '@hono/node-server';
import { requestBodyLimit } from '../src/http/body.ts';
import { HttpProblem, onError } from '../src/http/problem.ts';

const LIMIT = 1000;
let server: http.Server;
let port: number;

beforeAll(async () => {
  const app = new Hono();
  app.onError(onError);
  app.use(
    '*',
    requestBodyLimit(LIMIT, () => {
      throw new HttpProblem(413, 'Verzoek te groot / request too large');
    }),
  );
  app.post('/json', async (c) => c.json({ got: await c.req.json() }));
  app.post('/text', async (c) => c.json({ text: await c.req.text() }));
  app.post('/bytes', async (c) => c.json({ length: (await c.req.arrayBuffer()).byteLength }));
  app.post(
    '/validated',
    validator('json', (value) => value),
    (c) => c.json({ got: c.req.valid('json') }),
  );
  app.get('/get', (c) => c.json({ ok: true }));
  server = await new Promise<http.Server>((resolve) => {
    const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s as http.Server));
  });
  port = (server.address() as AddressInfo).port;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

/** Send a body as one piece (with Content-Length) or in chunks (Transfer-Encoding: chunked). */
function send(path: string, body: string | undefined, chunked = false) {
  return new Promise<{ status: number; type: string; text: string }>((resolve, reject) => {
    const headers: Record<string, string | number> = { 'content-type': 'application/json' };
    if (body !== undefined && !chunked) headers['content-length'] = Buffer.byteLength(body);
    const req = http.request(
      { host: '127.0.0.1', port, path, method: body === undefined ? 'GET' : 'POST', headers },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (d: string) => (text += d));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, type: String(res.headers['content-type']), text }),
        );
      },
    );
    req.on('error', reject);
    if (body !== undefined && chunked) {
      for (let i = 0; i < body.length; i += 100) req.write(body.slice(i, i + 100));
      req.end();
    } else req.end(body);
  });
}

describe('request body over a Node socket', () => {
  it('hands the JSON body to the route, in one piece or chunked, with multi-byte characters intact', async () => {
    const value = { name: 'Zoë van Dijk – één', n: [1, 2, 3] };
    for (const chunked of [false, true]) {
      const res = await send('/json', JSON.stringify(value), chunked);
      expect(res.status).toBe(200);
      expect(JSON.parse(res.text)).toEqual({ got: value });
    }
    expect(JSON.parse((await send('/text', '"abc"')).text)).toEqual({ text: '"abc"' });
    expect(JSON.parse((await send('/bytes', '"é"')).text)).toEqual({ length: 4 });
    expect((await send('/get', undefined)).status).toBe(200);
  });

  it('refuses a body over the limit with a problem, whether its length is declared or not', async () => {
    const big = JSON.stringify({ name: 'x'.repeat(LIMIT) });
    for (const chunked of [false, true]) {
      const res = await send('/json', big, chunked);
      expect(res.status).toBe(413);
      expect(res.type).toContain('application/problem+json');
    }
    // Exactly at the limit is allowed.
    const atLimit = JSON.stringify({ s: 'y'.repeat(LIMIT - 8) });
    expect(Buffer.byteLength(atLimit)).toBe(LIMIT);
    expect((await send('/json', atLimit, true)).status).toBe(200);
  });

  it('gives the validator the cached body: valid JSON passes, malformed JSON is a 400', async () => {
    expect(JSON.parse((await send('/validated', '{"a":1}', true)).text)).toEqual({ got: { a: 1 } });
    expect((await send('/validated', '{"broken":')).status).toBe(400);
  });
});
