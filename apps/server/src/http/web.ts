/** The web app: static files from apps/web/dist when built, otherwise a page pointing to the API docs. */
import fs from 'node:fs';
import path from 'node:path';
import type { Hono } from 'hono';
import { serveStatic } from '@hono/node-server/serve-static';
import type { AppEnv } from './context.ts';

const PLACEHOLDER = `<!doctype html>
<html lang="nl"><head><meta charset="utf-8"><title>Planmaat</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem}</style></head>
<body><h1>Planmaat</h1>
<p>De server draait. De webapp is nog niet gebouwd; de API is te verkennen via
<a href="/api/docs">/api/docs</a> (OpenAPI: <a href="/api/openapi.json">/api/openapi.json</a>).</p>
<p lang="en">The server is running. The web app is not built; explore the API at <a href="/api/docs">/api/docs</a>.</p>
</body></html>`;

export function mountWeb(app: Hono<AppEnv>, webDist: string | undefined): void {
  if (webDist && fs.existsSync(path.join(webDist, 'index.html'))) {
    const root = path.relative(process.cwd(), webDist) || '.';
    app.use('/*', serveStatic({ root }));
    // Client-side routes fall back to the app shell.
    app.get('*', serveStatic({ root, path: 'index.html' }));
    return;
  }
  app.get('/', (c) => c.html(PLACEHOLDER));
}
