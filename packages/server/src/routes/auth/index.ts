/**
 * @module routes/auth
 * Signing in and out (a session cookie: HttpOnly, SameSite=Lax, Secure over HTTPS), the first-start
 * sign-in link, one's own account and password.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { hashPassword, newSecret, sha256, verifyPassword } from '../../auth/secrets.js';
import { permissionsOf } from '../../auth/roles.js';
import { AppError } from '../../http/errors.js';
import { SESSION_COOKIE, actorOf } from '../../http/guard.js';
import type { AppContext } from '../../http/context.js';
import type { App } from '../../http/types.js';
import { presentUser } from '../presenters.js';
import { COMMON_ERRORS, User } from '../schemas.js';

/** Key under which the hash of the first-start sign-in link is kept (settings table). */
export const FIRST_SIGN_IN_KEY = 'first_sign_in';

// A fixed hash to verify against when the email is unknown, so a wrong email takes as long as a
// wrong password and response times do not reveal who has an account.
const DUMMY_HASH = hashPassword('not a real password');

export function authRoutes(app: App, ctx: AppContext): void {
  const startSession = async (req: FastifyRequest, reply: FastifyReply, userId: string) => {
    const secret = newSecret('cl_ses');
    const expires = new Date(Date.now() + ctx.config.sessionHours * 3600_000);
    await ctx.store.credentials.createSession(sha256(secret), userId, expires.toISOString());
    const secure = ctx.config.secureCookies === 'always' || (ctx.config.secureCookies === 'auto' && req.protocol === 'https');
    reply.setCookie(SESSION_COOKIE, secret, { path: '/', httpOnly: true, sameSite: 'lax', secure, expires });
  };

  app.post(
    '/api/auth/login',
    {
      config: { permission: 'public', rateLimit: { max: ctx.config.rateLimit.signIn, timeWindow: 60_000 } },
      schema: {
        tags: ['auth'],
        summary: 'Sign in with email and password (sets the session cookie)',
        body: z.object({ email: z.string().min(3).max(320), password: z.string().min(1).max(1024) }),
        response: { 200: User, ...COMMON_ERRORS },
      },
    },
    async (req, reply) => {
      const user = await ctx.store.users.byEmail(req.body.email);
      const hash = user && !user.disabled ? await ctx.store.users.passwordHash(user.id) : null;
      const ok = await verifyPassword(req.body.password, hash ?? (await DUMMY_HASH));
      if (!user || !hash || !ok || user.disabled) {
        if (user)
          await ctx.store.audit.record(
            { orgId: user.orgId, userId: user.id, tokenId: null },
            'auth.failed',
            { type: 'user', id: user.id },
            null,
            req.ip,
          );
        throw new AppError('bad_credentials');
      }
      await startSession(req, reply, user.id);
      await ctx.store.audit.record(
        { orgId: user.orgId, userId: user.id, tokenId: null },
        'auth.login',
        { type: 'user', id: user.id },
        null,
        req.ip,
      );
      return presentUser(user, await ctx.store.teams.teamIdsOf(user.id));
    },
  );

  app.get(
    '/api/auth/first-sign-in',
    {
      config: { permission: 'public', rateLimit: { max: ctx.config.rateLimit.signIn, timeWindow: 60_000 } },
      schema: {
        tags: ['auth'],
        summary: 'The one-time sign-in link printed on the first start: signs the admin in, then it is spent',
        querystring: z.object({ token: z.string().min(10).max(200) }),
        response: { 302: z.null(), ...COMMON_ERRORS },
      },
    },
    async (req, reply) => {
      const stored = await ctx.store.settings.get(FIRST_SIGN_IN_KEY);
      const [hash, userId, expires] = (stored ?? '').split(' ');
      if (!stored || hash !== sha256(req.query.token) || !userId || !expires || expires < new Date().toISOString())
        throw new AppError('bad_credentials', 'This sign-in link is not valid (it works once, for 24 hours).');
      if ((await ctx.store.settings.take(FIRST_SIGN_IN_KEY)) === undefined)
        throw new AppError('bad_credentials', 'This sign-in link was just used.');
      await startSession(req, reply, userId);
      const user = await ctx.store.users.byId(userId);
      if (user)
        await ctx.store.audit.record(
          { orgId: user.orgId, userId, tokenId: null },
          'auth.first_sign_in',
          { type: 'user', id: userId },
          null,
          req.ip,
        );
      // The web UI asks a signed-in user without a password to set one first.
      return reply.redirect('/');
    },
  );

  app.post(
    '/api/auth/logout',
    { config: { permission: 'me:read' }, schema: { tags: ['auth'], summary: 'Sign out', response: { 204: z.null(), ...COMMON_ERRORS } } },
    async (req, reply) => {
      const cookie = req.cookies[SESSION_COOKIE];
      if (cookie) await ctx.store.credentials.deleteSession(sha256(cookie));
      ctx.actors.clear();
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/api/me',
    {
      config: { permission: 'me:read' },
      schema: {
        tags: ['auth'],
        summary: 'Who am I, and what my role may do (the web UI shows only what is allowed)',
        response: {
          200: User.extend({
            permissions: z.array(z.string()),
            recruit: z
              .boolean()
              .describe('In an open training cohort and not yet signed off: live contacts stay closed, so the web opens on training'),
          }),
          ...COMMON_ERRORS,
        },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      const user = await ctx.store.users.get(actor.orgId, actor.userId);
      if (!user) throw new AppError('not_found');
      const recruit = (await ctx.recruits.recruits(actor.orgId)).has(actor.userId);
      return { ...presentUser(user, actor.teamIds), permissions: permissionsOf(actor.role), recruit };
    },
  );

  app.put(
    '/api/me/password',
    {
      config: { permission: 'me:read', rateLimit: { max: ctx.config.rateLimit.signIn, timeWindow: 60_000 } },
      schema: {
        tags: ['auth'],
        summary: 'Set a new password (the current one is needed if there is one); signs out other sessions',
        body: z.object({ current: z.string().max(1024).optional(), password: z.string().min(12).max(1024) }),
        response: { 204: z.null(), ...COMMON_ERRORS },
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      if (actor.tokenId) throw new AppError('forbidden', 'Passwords are changed when signed in, not with an API token.');
      const existing = await ctx.store.users.passwordHash(actor.userId);
      if (existing && !(await verifyPassword(req.body.current ?? '', existing)))
        throw new AppError('bad_credentials', 'The current password is not right.');
      await ctx.store.users.setPasswordHash(actor.userId, await hashPassword(req.body.password));
      await ctx.store.credentials.deleteSessionsOf(actor.userId);
      ctx.actors.clear();
      await startSession(req, reply, actor.userId);
      await ctx.store.audit.record(actor, 'auth.password_changed', { type: 'user', id: actor.userId }, null, req.ip);
      return reply.code(204).send(null);
    },
  );
}
