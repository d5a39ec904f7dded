/**
 * @module http/errors
 * The error catalogue: every error a client can see has a stable id, a status and a sentence a
 * person understands. Domain code throws AppError; the one error handler (http/errorHandler)
 * turns anything else into one of these, never a stack trace.
 */
export const ERRORS = {
  validation_failed: { status: 400, message: 'The request does not have the expected shape.' },
  webhook_url_refused: {
    status: 400,
    message: 'This URL cannot be a webhook: it must be http(s), carry no user name or password, and be on the allowed hosts.',
  },
  malformed_json: { status: 400, message: 'The body is not valid JSON.' },
  invalid_turn: { status: 400, message: 'This transcript has no such turn, or not one this kind of note fits.' },
  not_exemplary: {
    status: 400,
    message: 'The draft coach found something to improve in this reply; only replies it finds nothing wrong with go in the library.',
  },
  invalid_utf8: { status: 400, message: 'The body is not valid UTF-8 text.' },
  empty_body: { status: 400, message: 'The body is empty; send a JSON object.' },
  invalid_window: { status: 400, message: 'The time window is not valid: give ISO dates, from before to, at most 366 days apart.' },
  invalid_timezone: { status: 400, message: 'The time zone is not a known IANA name, such as Europe/Berlin.' },
  unauthenticated: { status: 401, message: 'Sign in or send an API token (Authorization: Bearer …).' },
  bad_credentials: { status: 401, message: 'The email or password is not right.' },
  bad_signature: { status: 401, message: 'The request signature does not match the secret of this integration.' },
  forbidden: { status: 403, message: 'Your role does not allow this.' },
  not_found: { status: 404, message: 'There is nothing here, or you may not see it.' },
  conflict: { status: 409, message: 'This clashes with something that already exists.' },
  invalid_transition: { status: 409, message: 'This cannot be done in the current state.' },
  invalid_reply: { status: 400, message: 'The reply cannot be played: write some text, at most 2,000 characters.' },
  content_note_required: {
    status: 400,
    message:
      'This scenario contains abuse, threats or talk of self-harm: read its content note, then start it with acknowledgedContent: true.',
  },
  not_yours: { status: 403, message: 'Only the person who started this training session can play it.' },
  recruit_not_ready: {
    status: 403,
    message: 'This agent is still in training and cannot take live contacts until their coach signs them off.',
  },
  session_finished: { status: 409, message: 'This training session has ended; start a new one to practise again.' },
  session_paused: { status: 409, message: 'This training session is paused; resume it to carry on.' },
  cohort_full: { status: 409, message: 'This cohort already has six recruits, the most one coach looks after.' },
  not_ready: { status: 409, message: "This recruit does not meet the cohort's readiness rule yet." },
  body_too_large: { status: 413, message: 'The body is larger than this server accepts.' },
  uri_too_long: { status: 414, message: 'A part of the address is longer than any id this server uses.' },
  unsupported_media_type: { status: 415, message: 'Send the body as application/json.' },
  rate_limited: { status: 429, message: 'Too many requests; wait a moment and try again.' },
  internal: { status: 500, message: 'Something went wrong on our side; it has been logged.' },
  unavailable: { status: 503, message: 'The server is not ready (the database cannot be reached).' },
  starting: { status: 503, message: 'The server is starting: it is preparing its language data and will be ready in a moment.' },
  overloaded: { status: 503, message: 'The server is handling as many requests as it takes at once; try again in a second.' },
} as const;

export type ErrorId = keyof typeof ERRORS;

/** An error meant for the client. `message` overrides the catalogue sentence with a more precise one. */
export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly id: ErrorId,
    message?: string,
    readonly details?: unknown,
  ) {
    super(message ?? ERRORS[id].message);
    this.name = 'AppError';
    this.status = ERRORS[id].status;
  }
}

/** The body of every error response. */
export interface ErrorBody {
  error: { id: ErrorId; message: string; details?: unknown };
}
