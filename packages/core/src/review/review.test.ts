import { describe, expect, it } from 'vitest';
import { createDetector } from '../detect/createDetector.js';
import { createCoach } from '../coach/createCoach.js';
import { ConversationReviewer, type Turn } from './ConversationReviewer.js';

const detector = createDetector();
const reviewer = new ConversationReviewer(createCoach(detector), detector);
const met = (turns: Turn[]): Record<string, boolean | null> =>
  Object.fromEntries(reviewer.review(turns, 'en').criteria.map((c) => [c.criterion, c.met]));

describe('conversation review', () => {
  // Labels as the live pipeline stores them with each message (the first is left to the detector).
  const good: Turn[] = [
    { role: 'customer', text: 'This is the third time my internet has dropped this week, it is ridiculous!' },
    {
      role: 'agent',
      text: "I'm sorry, that sounds really frustrating. If I understand correctly, the connection drops several times a day — is that right?",
    },
    { role: 'customer', text: 'Yes, exactly.', label: 'none' },
    { role: 'agent', text: 'What I can do is send an engineer on Thursday morning. Does that work for you?' },
    { role: 'customer', text: 'Fine.', label: 'none' },
    { role: 'agent', text: 'To sum up, the engineer comes on Thursday morning. Is there anything else I can help you with?' },
  ];

  it('credits each practice with the turns that show it', () => {
    const review = reviewer.review(good, 'en');
    const by = Object.fromEntries(review.criteria.map((c) => [c.criterion, c]));
    expect(by.acknowledged).toMatchObject({ met: true, turns: [1] });
    expect(by.restated_and_confirmed).toMatchObject({ met: true, turns: [1] });
    expect(by.proposed_solution!.turns).toContain(3);
    expect(by.sought_agreement).toMatchObject({ met: true, turns: [3] });
    expect(by.recapped).toMatchObject({ met: true, turns: [5] });
    expect(by.asked_anything_else).toMatchObject({ met: true, turns: [5] });
    expect(by.boundary_before_ending!.met).toBeNull();
    expect(by.avoided_habits).toMatchObject({ met: true, turns: [] });
    expect(review.score).toBe(1);
  });

  it('marks what was missing and the turns with bad habits', () => {
    const bad: Turn[] = [
      { role: 'customer', text: 'My parcel is two weeks late, this is unacceptable!' },
      { role: 'agent', text: 'Calm down. Order number?' },
      { role: 'customer', text: 'You people are useless idiots.', label: 'abuse' },
      { role: 'action', action: 'contact_ended' },
    ];
    const review = reviewer.review(bad, 'en');
    expect(met(bad)).toMatchObject({ acknowledged: false, recapped: false, boundary_before_ending: false, avoided_habits: false });
    expect(review.criteria.find((c) => c.criterion === 'avoided_habits')!.turns).toEqual([1]);
    expect(review.score).toBeLessThan(0.2);
  });

  it('accepts a warning action as the boundary before ending', () => {
    const turns: Turn[] = [
      { role: 'customer', text: 'You are a useless idiot.', label: 'abuse' },
      { role: 'action', action: 'warning_issued' },
      { role: 'customer', text: 'Idiot.', label: 'abuse' },
      { role: 'action', action: 'contact_ended' },
    ];
    expect(met(turns).boundary_before_ending).toBe(true);
  });
});
