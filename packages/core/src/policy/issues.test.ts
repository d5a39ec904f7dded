/**
 * A wrong policy is refused with one issue per wrong field, each with a stable code and the numbers
 * or choices a UI needs to say it in the admin's language, and an English sentence for the API.
 */
import { describe, expect, it } from 'vitest';
import { PolicyError, parsePolicy, type PolicyIssue } from './index.js';

function issuesOf(input: unknown): PolicyIssue[] {
  try {
    parsePolicy(input);
  } catch (e) {
    expect(e).toBeInstanceOf(PolicyError);
    return (e as PolicyError).issues;
  }
  throw new Error(`accepted ${JSON.stringify(input)}`);
}

describe('policy issues', () => {
  it('gives a number below its minimum as too_small with the whole range', () => {
    expect(issuesOf({ warningsBeforeEnd: 0 })).toEqual([
      { field: 'warningsBeforeEnd', code: 'too_small', min: 1, max: 5, message: 'must be a whole number from 1 to 5' },
    ]);
    expect(issuesOf({ wellbeing: { windowHours: 0 } })).toMatchObject([
      { field: 'wellbeing.windowHours', code: 'too_small', min: 1, max: 168 },
    ]);
  });

  it('gives a number above its maximum as too_big with the whole range', () => {
    expect(issuesOf({ calmMessagesToStepDown: 21 })).toEqual([
      { field: 'calmMessagesToStepDown', code: 'too_big', min: 1, max: 20, message: 'must be a whole number from 1 to 20' },
    ]);
    expect(issuesOf({ wellbeing: { breakMinutes: 121 } })).toMatchObject([{ field: 'wellbeing.breakMinutes', code: 'too_big', max: 120 }]);
  });

  it('names the field’s own maximum for a number beyond the safe-integer range, once', () => {
    expect(issuesOf({ warningsBeforeEnd: 1e20 })).toEqual([
      { field: 'warningsBeforeEnd', code: 'too_big', min: 1, max: 5, message: 'must be a whole number from 1 to 5' },
    ]);
  });

  it('gives a fraction as not_integer with the range', () => {
    expect(issuesOf({ wellbeing: { abuseContacts: 2.5 } })).toEqual([
      { field: 'wellbeing.abuseContacts', code: 'not_integer', min: 1, max: 100, message: 'must be a whole number from 1 to 100' },
    ]);
  });

  it('gives the wrong kind of value as invalid_type with what was expected', () => {
    expect(issuesOf({ warningsBeforeEnd: 'two' })).toEqual([
      {
        field: 'warningsBeforeEnd',
        code: 'invalid_type',
        expected: 'number',
        min: 1,
        max: 5,
        message: 'must be a whole number from 1 to 5',
      },
    ]);
    expect(issuesOf({ threat: { alertSecurity: 'yes' } })).toEqual([
      { field: 'threat.alertSecurity', code: 'invalid_type', expected: 'boolean', message: 'must be a boolean' },
    ]);
    expect(issuesOf({ crisis: { resources: { de: 112 } } })).toMatchObject([
      { field: 'crisis.resources.de', code: 'invalid_type', expected: 'string', min: 3, max: 300 },
    ]);
    expect(issuesOf('a policy')).toEqual([{ field: '(policy)', code: 'invalid_type', expected: 'object', message: 'must be an object' }]);
  });

  it('gives a choice that does not exist as invalid_value with the allowed values', () => {
    expect(issuesOf({ profanity: 'shout' })).toEqual([
      {
        field: 'profanity',
        code: 'invalid_value',
        values: ['ignore', 'address', 'ladder'],
        message: 'must be one of: ignore, address, ladder',
      },
    ]);
    expect(issuesOf({ register: { pl: 'casual' } })).toMatchObject([
      { field: 'register.pl', code: 'invalid_value', values: ['formal', 'informal'] },
    ]);
  });

  it('gives a crisis line that is too short or too long as too_short / too_long with the length range', () => {
    expect(issuesOf({ crisis: { resources: { pl: ' 11 ' } } })).toEqual([
      { field: 'crisis.resources.pl', code: 'too_short', min: 3, max: 300, message: 'must be from 3 to 300 characters long' },
    ]);
    expect(issuesOf({ crisis: { resources: { ar: 'x'.repeat(301) } } })).toMatchObject([
      { field: 'crisis.resources.ar', code: 'too_long', min: 3, max: 300 },
    ]);
  });

  it('names each unknown key as its own field, at the top level and among the languages', () => {
    expect(issuesOf({ warnings: 2, colour: 'blue' })).toEqual([
      { field: 'warnings', code: 'unknown_key', message: 'is not a policy field' },
      { field: 'colour', code: 'unknown_key', message: 'is not a policy field' },
    ]);
    expect(issuesOf({ crisis: { resources: { xx: '0800 111 0111' } } })).toMatchObject([
      { field: 'crisis.resources.xx', code: 'unknown_key' },
    ]);
  });

  it('reports every wrong field at once and keeps the English summary in the error message', () => {
    try {
      parsePolicy({ warningsBeforeEnd: 0, profanity: 'shout', wellbeing: { breakMinutes: 500 } });
      expect.unreachable();
    } catch (e) {
      const err = e as PolicyError;
      expect(err.issues.map((i) => [i.field, i.code])).toEqual([
        ['warningsBeforeEnd', 'too_small'],
        ['profanity', 'invalid_value'],
        ['wellbeing.breakMinutes', 'too_big'],
      ]);
      expect(err.message).toContain('warningsBeforeEnd: must be a whole number from 1 to 5');
    }
  });
});
