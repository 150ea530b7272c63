/**
 * Request body with a size limit. Served by Node (@hono/node-server), the body is read straight
 * from the socket's IncomingMessage and handed to Hono's body cache, so `c.req.json()` and the
 * validators never make the adapter build a full fetch `Request` (Headers, AbortController and a
 * web stream around the socket): on a small JSON save that machinery cost more CPU than the
 * save's own logic. Elsewhere (tests calling `app.request`) Hono's own body limit applies.
 */
import { IncomingMessage } from 'node:http';
import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';

type BodyCache = Context['req']['bodyCache'];

/** Read at most `maxSize` bytes of the body; undefined when it is larger (reading stops). */
function readBody(incoming: IncomingMessage, maxSize: number): Promise<Buffer | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxSize) {
        incoming.off('data', onData);
        incoming.resume();
        resolve(undefined);
        return;
      }
      chunks.push(chunk);
    };
    incoming.on('data', onData);
    incoming.once('end', () => resolve(chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, size)));
    incoming.once('error', reject);
  });
}

/** Offer the body to Hono's readers; each form is made on first use only. */
function cacheBody(cache: BodyCache, body: Buffer): void {
  let text: Promise<string> | undefined;
  let bytes: Promise<ArrayBuffer> | undefined;
  Object.defineProperties(cache, {
    text: {
      get: () => (text ??= Promise.resolve(body.toString('utf8'))),
      enumerable: true,
      configurable: true,
    },
    arrayBuffer: {
      get: () =>
        (bytes ??= Promise.resolve(
          body.buffer.slice(body.byteOffset, body.byteOffset + body.byteLength) as ArrayBuffer,
        )),
      enumerable: true,
      configurable: true,
    },
  });
}

export function requestBodyLimit(maxSize: number, tooLarge: () => never): MiddlewareHandler {
  const general = bodyLimit({ maxSize, onError: tooLarge });
  return async (c, next) => {
    const incoming = (c.env as { incoming?: unknown } | undefined)?.incoming;
    if (!(incoming instanceof IncomingMessage)) return general(c, next);
    const length = incoming.headers['content-length'];
    const chunked = incoming.headers['transfer-encoding'] !== undefined;
    if (!chunked && (length === undefined || length === '0')) return next();
    if (!chunked && Number(length) > maxSize) tooLarge();
    const body = await readBody(incoming, maxSize);
    if (body === undefined) tooLarge();
    cacheBody(c.req.bodyCache, body);
    return next();
  };
}
