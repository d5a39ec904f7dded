/**
 * One WebSocket per signed-in tab (GET /api/live). It reconnects with growing pauses and asks for
 * `?since=<last event id>`, so nothing that happened while the connection was down is missed: the
 * server replays it before saying `ready`. Screens subscribe with useLiveEvents.
 */
import { createContext, useContext, useEffect, useRef, useState, type ReactNode } from 'react';

export type LiveKind = 'message.analysed' | 'conversation.updated' | 'alert.raised' | 'alert.updated' | 'followup.due';

export interface LiveEvent {
  id: number;
  kind: LiveKind;
  conversationId: string | null;
  createdAt: string;
  data: unknown;
}

type Handler = (e: LiveEvent) => void;
export type LiveStatus = 'connecting' | 'live' | 'reconnecting';

interface LiveApi {
  subscribe(handler: Handler): () => void;
  status: LiveStatus;
}

const LiveContext = createContext<LiveApi | null>(null);

const MAX_PAUSE_MS = 15_000;

export function LiveProvider({ children, enabled }: { children: ReactNode; enabled: boolean }) {
  const handlers = useRef(new Set<Handler>());
  const [status, setStatus] = useState<LiveStatus>('connecting');
  const api = useRef<Omit<LiveApi, 'status'>>({
    subscribe(handler) {
      handlers.current.add(handler);
      return () => handlers.current.delete(handler);
    },
  });

  useEffect(() => {
    if (!enabled) return;
    let socket: WebSocket | null = null;
    let lastId: number | null = null;
    let attempts = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let stopped = false;

    const connect = () => {
      const proto = location.protocol === 'https:' ? 'wss:' : 'ws:';
      socket = new WebSocket(`${proto}//${location.host}/api/live${lastId === null ? '' : `?since=${lastId}`}`);
      socket.onmessage = (m) => {
        let frame: { type: string; event?: LiveEvent };
        try {
          frame = JSON.parse(String(m.data)) as typeof frame;
        } catch {
          return;
        }
        if (frame.type === 'ready') {
          attempts = 0;
          setStatus('live');
        } else if (frame.type === 'event' && frame.event) {
          lastId = Math.max(lastId ?? 0, frame.event.id);
          for (const h of handlers.current) h(frame.event);
        }
      };
      socket.onclose = () => {
        if (stopped) return;
        setStatus('reconnecting');
        attempts += 1;
        // 0.5 s, 1 s, 2 s … up to 15 s, with jitter so a restarted server is not hit by everyone at once.
        const pause = Math.min(MAX_PAUSE_MS, 500 * 2 ** Math.min(attempts, 5)) * (0.75 + Math.random() / 2);
        timer = setTimeout(connect, pause);
      };
    };
    connect();
    return () => {
      stopped = true;
      clearTimeout(timer);
      socket?.close();
    };
  }, [enabled]);

  return <LiveContext.Provider value={{ ...api.current, status }}>{children}</LiveContext.Provider>;
}

/** Calls the handler for every live event while the component is shown. */
export function useLiveEvents(handler: Handler): void {
  const live = useContext(LiveContext);
  const latest = useRef(handler);
  latest.current = handler;
  useEffect(() => live?.subscribe((e) => latest.current(e)), [live]);
}

export function useLiveStatus(): LiveStatus {
  return useContext(LiveContext)?.status ?? 'connecting';
}
