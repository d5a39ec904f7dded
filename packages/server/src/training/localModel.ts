/**
 * @module training/localModel
 * The optional free-text customer: a language model the organisation runs itself (llama.cpp's
 * server, Ollama, vLLM… anything with an OpenAI-compatible /chat/completions) rewrites the scripted
 * customer line in its own words. Off unless simModelUrl is set. The engine still decides the mood
 * and the outcome; the model only chooses words, and when it fails, is slow or says nothing usable
 * the scripted line stands, so a session never waits on it for more than the timeout.
 */
import type { ChatMessage } from '@calmline/core';

/** Longest customer line kept from the model (the scripted lines are at most 600). */
const MAX_LINE = 600;

export interface CustomerModel {
  /** The customer's next line, or null when the model could not give one (the caller uses the script). */
  write(messages: readonly ChatMessage[]): Promise<string | null>;
}

export interface LocalModelOptions {
  /** OpenAI-compatible base URL, e.g. http://127.0.0.1:8080/v1. */
  url: string;
  /** The model name the server expects ("local" for llama.cpp's server). */
  model: string;
  timeoutMs: number;
  maxTokens?: number;
  /** Told why a line fell back (logged by the caller, never shown to the trainee). */
  onError?: (err: unknown) => void;
}

export class LocalModel implements CustomerModel {
  private readonly endpoint: string;

  constructor(private readonly options: LocalModelOptions) {
    this.endpoint = `${options.url.replace(/\/+$/, '')}/chat/completions`;
  }

  async write(messages: readonly ChatMessage[]): Promise<string | null> {
    try {
      const res = await fetch(this.endpoint, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          model: this.options.model,
          messages,
          max_tokens: this.options.maxTokens ?? 120,
          temperature: 0.8,
          stream: false,
        }),
        signal: AbortSignal.timeout(this.options.timeoutMs),
      });
      if (!res.ok) throw new Error(`the model server answered ${res.status}`);
      return cleanLine(await res.json());
    } catch (err) {
      this.options.onError?.(err);
      return null;
    }
  }
}

/**
 * The customer's words from a chat completion: the first choice's content without the quotes and
 * role prefixes small models like to add; null when there is nothing usable.
 * @example cleanLine({ choices: [{ message: { content: 'Customer: "Fine."' } }] }) // 'Fine.'
 */
export function cleanLine(body: unknown): string | null {
  const content = (body as { choices?: { message?: { content?: unknown } }[] } | null)?.choices?.[0]?.message?.content;
  if (typeof content !== 'string') return null;
  let line = content.trim().replace(/^(customer|client|user)\s*:\s*/i, '');
  if (/^["“«„].*["”»“]$/s.test(line)) line = line.slice(1, -1).trim();
  if (line.length < 2) return null;
  return line.length > MAX_LINE ? `${line.slice(0, MAX_LINE - 1)}…` : line;
}
