/**
 * @module coach/types
 * What the draft coach takes and returns.
 */
import type { Label, Language } from '../detect/types.js';
import type { FindingKind, Register } from '../conversation/types.js';

/** What the coach knows about the conversation a draft belongs to. */
export interface DraftContext {
  /** The conversation's (and the draft's) language. */
  lang: Language;
  register?: Register | undefined;
  /** The customer's last message as the detector read it (the text helps tell how upset they are). */
  customer?: CustomerMessage | undefined;
  /** The agent's earlier messages in this conversation, oldest first. */
  previous?: readonly string[] | undefined;
}

/** What the coach needs to know about the customer's last message. */
export interface CustomerMessage {
  label: Label;
  /** The detector's scores: a plain question labelled frustration at 0.1 is not upset. */
  scores?: Record<Label, number> | undefined;
  text?: string | undefined;
}

/**
 * One problem in a draft.
 *
 * Spans follow the Evidence convention: `[start, end)` in UTF-16 code units of the draft as given.
 * @example { kind: 'dismissive', start: 0, end: 9, message: 'Acknowledge the feeling…', better: 'I understand…', rule: 'cue:calm down' }
 */
export interface Finding {
  kind: FindingKind;
  start: number;
  end: number;
  /** One sentence for the agent: what the problem is and what to do instead (in the draft's language). */
  message: string;
  /** A better wording the agent could send instead. */
  better: string;
  /** What found it: `cue:<pattern>`, `detector:<rule>`, `caps`, `exclamations`, `repeat`, `no-ack`. */
  rule: string;
}
