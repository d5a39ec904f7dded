/**
 * @module simulate/customerPrompt
 * The chat messages that ask a local language model (through an OpenAI-compatible API) to write the
 * simulated customer's next words. The engine still decides the mood and what the customer means:
 * the scripted line it picked is given as the gist, so free text varies the wording but not the
 * course of the session, and the session scores the same way with or without a model.
 */
import type { Language } from '../detect/types.js';
import { moodBand, type Scenario } from './scenario.js';
import type { SimState } from './types.js';

export interface ChatMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

/** Language names as the model is told them (models follow English instructions best). */
const LANGUAGE_NAMES: Record<Language, string> = {
  en: 'English',
  ru: 'Russian',
  pl: 'Polish',
  zh: 'Simplified Chinese',
  he: 'Hebrew',
  uk: 'Ukrainian',
  de: 'German',
  es: 'Spanish',
  fr: 'French',
  ar: 'Arabic',
};

/** How each mood band should sound, for the model. */
const MOOD_VOICE = {
  calm: 'You are calm and cooperative now.',
  irritated: 'You are irritated and impatient, but polite enough.',
  angry: 'You are angry about the situation and say so plainly.',
  hostile: 'You are furious and rude, as in the gist; do not soften it and do not add anything worse than the gist.',
} as const;

/**
 * Messages for the customer's answer to the agent's last reply. `state` is the state after the
 * engine's step: its last turn is the scripted customer line, used as the gist.
 * @example customerPrompt(scenario, step.state).at(-1)?.role // 'user'
 */
export function customerPrompt(scenario: Scenario, state: SimState): ChatMessage[] {
  const last = state.turns[state.turns.length - 1];
  const gist = last?.role === 'customer' ? last.text : '';
  const history = last?.role === 'customer' ? state.turns.slice(0, -1) : state.turns;
  const system = [
    `You play a customer in a customer-service chat, for training new agents. Stay in character; never say you are an AI.`,
    `Write only the customer's next message: 1 to 3 short sentences, in ${LANGUAGE_NAMES[scenario.lang]}, the way people really type in chat.`,
    `Who you are: ${scenario.persona.name}. ${scenario.persona.description}`,
    `Your problem: ${scenario.brief}`,
    MOOD_VOICE[moodBand(state.mood)],
    `Say something with this meaning, in your own words: "${gist}"`,
  ].join('\n');
  const messages: ChatMessage[] = [{ role: 'system', content: system }];
  for (const t of history) {
    if (t.role === 'customer') messages.push({ role: 'assistant', content: t.text });
    else if (t.role === 'agent') messages.push({ role: 'user', content: t.text });
  }
  return messages;
}

/**
 * The state with the customer's last line replaced by the model's text.
 * @example withCustomerText(step.state, 'Fine, go ahead.').turns.at(-1)
 */
export function withCustomerText(state: SimState, text: string): SimState {
  const turns = state.turns.slice();
  const last = turns[turns.length - 1];
  if (last?.role !== 'customer' || text.trim() === '') return state;
  turns[turns.length - 1] = { ...last, text: text.trim() };
  return { ...state, turns };
}
