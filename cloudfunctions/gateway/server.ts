/**
 * The local host: serves the H5 build and `POST /api/<function>` with the same routers as the
 * cloud entries, on the embedded store, plus the dev-only login and clock.
 */
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import fastifyCookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyInstance } from 'fastify';
import { ERROR_MESSAGES, isDomainError } from '../core/errors';
import { exportFile } from '../services/official';
import { FUNCTIONS, isFunctionName } from '../functions/registry';
import { badRequestId, dispatch, requestIdOf } from '../functions/router';
import { registerDevRoutes } from './dev-routes';
import type { LocalRuntime } from './local-runtime';
import { openidOf } from './session';
import { isStoreError } from '../store/port';

/** Pending connections the kernel may queue (capped by net.core.somaxconn). */
export const LISTEN_BACKLOG = 4096;

export interface GatewayOptions {
  /** The dev login, personas and shifted clock (`/dev/*`): only when asked for, and only on loopback (main.ts). */
  devRoutes?: boolean;
  /** The built H5 app; when missing, `/` says how to build it. */
  h5Dir?: string;
  /** fastify's logger (off in tests). */
  logger?: boolean | { file: string };
}

/** Parses a body as JSON whatever its content type (curl -d sends form-urlencoded). */
function parseLooseJson(body: string): unknown {
  if (body.trim() === '') return {};
  return JSON.parse(body);
}

/** The API's body limit: room for a 10 MB workbook as base64 (the cloud's own event limit is 6 MB; the app uploads bigger files to cloud storage). */
const API_BODY_LIMIT = 16 * 1024 * 1024;

export async function buildGateway(runtime: LocalRuntime, options: GatewayOptions = {}): Promise<FastifyInstance> {
  const logger = options.logger === undefined || options.logger === false ? false : options.logger === true ? true : { file: options.logger.file };
  const app = Fastify({ logger, bodyLimit: 1024 * 1024, genReqId: () => randomUUID() });
  await app.register(fastifyCookie, { secret: runtime.sessionSecret });

  app.removeAllContentTypeParsers();
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_req, body, done) => {
    const text = String(body);
    try {
      done(null, parseLooseJson(text));
    } catch {
      done(null, Object.fromEntries(new URLSearchParams(text)));
    }
  });
  app.addContentTypeParser('*', { parseAs: 'string' }, (_req, body, done) => {
    try {
      done(null, parseLooseJson(String(body)));
    } catch {
      done(Object.assign(new Error('bad json'), { statusCode: 400 }), undefined);
    }
  });

  app.setErrorHandler((error: { statusCode?: number }, req, reply) => {
    // Issue 18: a store that stayed locked by another writer is a refusal, not a failure.
    if (isStoreError(error, 'BUSY')) return reply.code(503).send({ ok: false, code: 'BUSY', message: ERROR_MESSAGES.BUSY });
    const status = error.statusCode && error.statusCode < 500 ? error.statusCode : 500;
    if (status >= 500) req.log.error(error);
    reply.code(status).send(
      status >= 500
        ? { ok: false, code: 'INTERNAL', message: ERROR_MESSAGES.INTERNAL, requestId: req.id }
        : { ok: false, code: 'INVALID_INPUT', message: ERROR_MESSAGES.INVALID_INPUT },
    );
  });

  // R12.2 a directed list's workbook travels in the call on the local host (base64 of up to 10 MB).
  app.post('/api/:fn', { bodyLimit: API_BODY_LIMIT }, async (req, reply) => {
    const { fn } = req.params as { fn: string };
    if (!isFunctionName(fn)) {
      return reply.code(404).send({ ok: false, code: 'UNKNOWN_FUNCTION', message: ERROR_MESSAGES.UNKNOWN_FUNCTION });
    }
    const id = requestIdOf(req.body);
    if (!id.ok) return reply.code(400).send(badRequestId());
    return dispatch(FUNCTIONS[fn], runtime.deps, { openid: openidOf(req), requestId: id.requestId ?? req.id }, req.body);
  });

  // R9.5: a finished export, to its owner only; anyone else hears it does not exist.
  app.get('/exports/:jobId', async (req, reply) => {
    const { jobId } = req.params as { jobId: string };
    try {
      const { job, ref } = await exportFile(runtime.deps, { openid: openidOf(req), requestId: req.id }, jobId);
      const stream = runtime.deps.exports?.open?.(ref);
      if (!stream) return reply.code(404).send({ ok: false, code: 'NOT_FOUND', message: ERROR_MESSAGES.NOT_FOUND });
      return reply
        .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', `attachment; filename="export.xlsx"; filename*=UTF-8''${encodeURIComponent(job.fileName)}`)
        .header('cache-control', 'private, no-store')
        .send(stream);
    } catch (e) {
      if (isDomainError(e)) return reply.code(404).send({ ok: false, code: 'NOT_FOUND', message: ERROR_MESSAGES.NOT_FOUND });
      throw e;
    }
  });

  app.get('/healthz', async () => ({ ok: true, data: { now: runtime.clock.now().toISOString() } }));

  if (options.devRoutes) registerDevRoutes(app, runtime);

  const h5Dir = resolve(options.h5Dir ?? 'dist/h5');
  if (existsSync(h5Dir)) {
    await app.register(fastifyStatic, { root: h5Dir, index: ['index.html'] });
  } else {
    app.get('/', async (_req, reply) =>
      reply.type('text/plain; charset=utf-8').send(`H5 app not built (${h5Dir}). Run: npm run build:h5`),
    );
  }
  return app;
}
