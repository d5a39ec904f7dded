/**
 * Starts a session and opens it: from the scenario list (after the content note), from an
 * assignment, or from a report card ("Try again" with a new customer, "Replay" with the same seed).
 */
import { useNavigate } from 'react-router';
import { post } from '../../api/client';
import { useAction } from '../../lib/useAction';
import type { SimSessionView } from './types';

export interface StartRequest {
  scenarioId: string;
  seed?: number;
  assignmentId?: string;
  freeText?: boolean;
  /** The trainee has read the content note (required for abuse, threats and self-harm). */
  acknowledgedContent: boolean;
}

export function useStartSession() {
  const navigate = useNavigate();
  const { run, busy, error, clearError } = useAction();
  const start = (request: StartRequest) =>
    run(async () => {
      const session = await post<SimSessionView>('/api/training/sessions', request);
      await navigate(`/training/sessions/${session.id}`);
      return session;
    });
  return { start, busy, error, clearError };
}
