/**
 * @module http/errorHandler
 * The one place errors become responses: AppError as it is, Zod validation as validation_failed
 * with the fields, Fastify's own errors mapped by code, anything else a logged 500 without details.
 */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { isUniqueViolation } from '../store/errors.js';
import { AppError, ERRORS, type ErrorBody, type ErrorId } from './errors.js';

const FASTIFY_CODES: Record<string, ErrorId> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'body_too_large',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'unsupported_media_type',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'validation_failed',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'validation_failed',
  FST_ERR_CTP_INVALID_JSON_BODY: 'malformed_json',
  FST_ERR_VALIDATION: 'validation_failed',
  FST_ERR_NOT_FOUND: 'not_found',
  FST_ERR_BAD_URL: 'not_found',
  FST_ERR_MAX_PARAM_LENGTH: 'uri_too_long',
};

export function body(id: ErrorId, message?: string, details?: unknown): ErrorBody {
  return { error: { id, message: message ?? ERRORS[id].message, ...(details !== undefined ? { details } : {}) } };
}

/** Errors Fastify raises before routing (an over-long or undecodable path). */
export function frameworkErrors(err: FastifyError, _req: FastifyRequest, reply: FastifyReply): void {
  const id = (err.code ? FASTIFY_CODES[err.code] : undefined) ?? 'validation_failed';
  void reply.code(ERRORS[id].status).send(body(id));
}

export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError, req, reply) => {
    if (err instanceof AppError) return reply.code(err.status).send(body(err.id, err.message, err.details));
    if (hasZodFastifySchemaValidationErrors(err)) {
      const details = err.validation.map((v) => ({
        field: `${err.validationContext ?? 'body'}${v.instancePath.replace(/\//g, '.')}`.replace(/\.$/, ''),
        problem: v.message,
      }));
      const first = details[0];
      return reply
        .code(400)
        .send(body('validation_failed', first ? `${first.field}: ${first.problem}` : ERRORS.validation_failed.message, details));
    }
    const mapped = err.code ? FASTIFY_CODES[err.code] : undefined;
    if (mapped) return reply.code(ERRORS[mapped].status).send(body(mapped));
    if (err.statusCode === 429) return reply.code(429).send(body('rate_limited'));
    if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500)
      return reply.code(err.statusCode).send(body('validation_failed', err.message));
    // Two writers raced for the same unique slot (e.g. the next place in the incident chain).
    if (isUniqueViolation(err)) return reply.code(409).send(body('conflict', 'Someone changed this at the same moment; try again.'));
    // The database pool could not give a connection in time: overloaded or unreachable, not a bug.
    if (/timeout exceeded when trying to connect|Connection terminated|ECONNREFUSED/.test(err.message)) {
      req.log.warn({ err }, 'database unavailable');
      return reply.code(503).send(body('unavailable'));
    }
    req.log.error({ err }, 'unhandled error');
    return reply.code(500).send(body('internal'));
  });
  app.setNotFoundHandler((_req, reply) => reply.code(404).send(body('not_found', 'No such route.')));
}
