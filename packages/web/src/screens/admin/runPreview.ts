/**
 * Plays a sample conversation through core's detector and protocol under a policy, the way the
 * server would for a real one. The agent is assumed to follow each recommendation (give the
 * warning, offer the callback, call for help) but never to end the contact, so the whole sample
 * plays and the admin sees where the policy would stop it.
 */
import type { AgentAction, Detector, Label, Policy, Protocol, ProtocolState, RecommendedAction, Step } from '@calmline/core';
import { SAMPLE_CONTEXT } from './previewSamples';

export interface PreviewRow {
  text: string;
  label: Label;
  step: Step;
  warnings: number;
  actions: RecommendedAction[];
  reply: string | undefined;
}

/** The samples' language (see previewSamples). */
export const SAMPLE_LANG = 'en';

/** What the agent does about a recommendation; ending is left out on purpose (see above). */
const FOLLOW: Partial<Record<RecommendedAction['action'], AgentAction>> = {
  issue_warning: 'warning_issued',
  offer_callback: 'callback_offered',
  call_supervisor: 'supervisor_called',
  call_security: 'security_called',
};

export function runPreview(
  detector: Detector,
  createProtocol: (policy: Policy) => Protocol,
  policy: Policy,
  lines: readonly string[],
): PreviewRow[] {
  const protocol = createProtocol(policy);
  // A fixed seed, so the same policy always shows the same suggested replies.
  let state: ProtocolState = protocol.start({ lang: SAMPLE_LANG, seed: 7 });
  return lines.map((text) => {
    const analysis = detector.analyze(text, { lang: SAMPLE_LANG });
    const out = protocol.step(state, { type: 'customer_message', label: analysis.label, language: analysis.language }, SAMPLE_CONTEXT);
    state = out.state;
    for (const a of out.actions) {
      const action = FOLLOW[a.action];
      if (action) state = protocol.step(state, { type: 'agent_action', action }).state;
    }
    return {
      text,
      label: analysis.label,
      step: state.step,
      warnings: state.warnings,
      actions: out.actions,
      reply: out.suggestions[0]?.text,
    };
  });
}
