/**
 * @module http/jsonBody
 * The JSON body parser: rejects invalid UTF-8 (Node would quietly turn it into U+FFFD and store
 * damaged text) and prototype-poisoning keys, with errors from the catalogue.
 */
import type { FastifyInstance } from 'fastify';
import sjson from 'secure-json-parse';
import { AppError } from './errors.js';

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

export function installJsonParser(app: FastifyInstance): void {
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (_req, body, done) => {
    const bytes = body as Buffer;
    if (bytes.length === 0) return done(null, undefined);
    let text: string;
    try {
      text = strictUtf8.decode(bytes);
    } catch {
      return done(new AppError('invalid_utf8'), undefined);
    }
    try {
      done(null, sjson.parse(text, undefined, { protoAction: 'error', constructorAction: 'error' }));
    } catch (err) {
      const why = err instanceof SyntaxError ? ` (${err.message})` : ' (it sets __proto__ or constructor.prototype)';
      done(new AppError('malformed_json', `The body is not valid JSON${why}.`), undefined);
    }
  });
}
