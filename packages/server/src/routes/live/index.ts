/**
 * @module routes/live
 * GET /api/live (WebSocket). Agents receive their conversations' messages, actions and alerts;
 * leads their teams' alerts; security threats; admins every alert. A client that reconnects with
 * `?since=<last event id>` first receives what it missed (up to 1,000 events), then
 * `{"type":"ready"}`, then live events as they happen. Frames: `{"type":"event","event":{…}}`.
 */
import { z } from 'zod';
import { hears } from '../../live/audience.js';
import { actorOf } from '../../http/guard.js';
import type { AppContext } from '../../http/context.js';
import type { App } from '../../http/types.js';
import type { LiveEvent } from '../../store/types.js';
import { presentLiveEvent } from '../presenters.js';

const CATCH_UP_LIMIT = 1000;

export function liveRoutes(app: App, ctx: AppContext): void {
  app.get(
    '/api/live',
    {
      websocket: true,
      config: { permission: 'live:subscribe' },
      schema: {
        tags: ['live'],
        summary: 'Live events over a WebSocket (see the route description)',
        querystring: z.object({ since: z.coerce.number().int().min(0).optional() }),
      },
    },
    (socket, req) => {
      const actor = actorOf(req);
      const send = (e: LiveEvent) => {
        if (socket.readyState === socket.OPEN) socket.send(JSON.stringify({ type: 'event', event: presentLiveEvent(e) }));
      };
      // Subscribe first and hold live events back while the catch-up query runs, so nothing that
      // happens in between is lost; events sent by the catch-up are not sent twice, even when another
      // node's NOTIFY for an event arrives after the catch-up query has already read it.
      let buffer: LiveEvent[] | null = [];
      const sent = new Set<number>();
      const unsubscribe = ctx.hub.subscribe({ actor, send: (e) => (buffer ? buffer.push(e) : sent.has(e.id) ? undefined : send(e)) });
      ctx.metrics.subscribers.set(ctx.hub.size);
      socket.on('close', () => {
        unsubscribe();
        ctx.metrics.subscribers.set(ctx.hub.size);
      });
      socket.on('message', (data: Buffer) => {
        if (data.toString() === '{"type":"ping"}') socket.send('{"type":"pong"}');
      });
      const since = req.query.since;
      void (async () => {
        if (since !== undefined) {
          const missed = (await ctx.store.events.after(actor.orgId, since, CATCH_UP_LIMIT)).filter((e) => hears(actor, e));
          for (const e of missed) {
            send(e);
            sent.add(e.id);
          }
        }
        const held = buffer ?? [];
        buffer = null;
        for (const e of held) if (!sent.has(e.id)) send(e);
        socket.send(JSON.stringify({ type: 'ready', lastId: await ctx.store.events.latestId() }));
      })().catch((err: unknown) => {
        req.log.error({ err }, 'live catch-up failed');
        socket.close(1011, 'catch-up failed');
      });
    },
  );
}
