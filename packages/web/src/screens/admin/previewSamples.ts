/**
 * Sample conversations for the policy preview: what customers write, in English, so an admin can
 * see what the protocol would advise under the policy being edited. The customer lines are the
 * sample's content, not interface text, so they are not translated.
 */
export interface Sample {
  id: 'escalating' | 'threat' | 'self_harm';
  lines: readonly string[];
}

export const SAMPLES: readonly Sample[] = [
  {
    id: 'escalating',
    lines: [
      'I have been waiting three weeks for my refund and nobody answers my emails.',
      'This is ridiculous, I am really fed up with your company.',
      'What the hell is wrong with you people?',
      'You are a useless idiot, do your damn job.',
      'Shut up, you stupid moron, you are completely worthless.',
      'You pathetic idiot, I will keep calling you a moron until you fix this.',
    ],
  },
  {
    id: 'threat',
    lines: [
      'My order never arrived and I am losing my patience.',
      'You are a useless idiot, do your damn job.',
      'I know where your office is and I will come and hurt you.',
    ],
  },
  {
    id: 'self_harm',
    lines: [
      'They cut off my electricity and I cannot pay the bill.',
      'I have nobody left to ask for help.',
      "I can't take this anymore, I want to end my life.",
    ],
  },
];

/** Fills the replies' placeholders the way a console would, in the samples' language. */
export const SAMPLE_CONTEXT = { agentName: 'Sam', callbackWindow: 'tomorrow between 9 and 11 am', followUpTime: 'by Friday' };
