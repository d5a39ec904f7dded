/**
 * @module policy/issues
 * Zod's issues turned into the policy's own: a stable `code` and the numbers or values it needs,
 * so a UI can say it in the admin's language, plus an English sentence for the API and the CLI.
 * Number and text fields carry their whole allowed range (`min` and `max`, read from the schema),
 * whichever bound was crossed: "from 1 to 5" helps more than "at least 1".
 */
import type { z } from 'zod';

/** What is wrong, independent of wording. */
export type PolicyIssueCode =
  /** A number below the field's minimum (`min`; `max` too when the field has one). */
  | 'too_small'
  /** A number above the field's maximum (`max`; `min` too when the field has one). */
  | 'too_big'
  /** A number with a fraction where a whole number is needed (the range in `min`/`max`). */
  | 'not_integer'
  /** Text shorter than `min` characters (`max` too). */
  | 'too_short'
  /** Text longer than `max` characters (`min` too). */
  | 'too_long'
  /** The wrong kind of value: `expected` is number, boolean, string, object or record. */
  | 'invalid_type'
  /** Not one of the allowed choices, listed in `values`. */
  | 'invalid_value'
  /** A field the policy does not have (the field is the unknown key's own path). */
  | 'unknown_key'
  /** Anything else the schema may say; only `message` describes it. */
  | 'invalid';

/** One problem in a policy, with the dotted path of the field. */
export interface PolicyIssue {
  field: string;
  code: PolicyIssueCode;
  /** The same problem as an English sentence, for the API and the CLI. */
  message: string;
  min?: number;
  max?: number;
  expected?: string;
  values?: string[];
}

interface Limits {
  min?: number;
  max?: number;
}

/** The schema node's own type name and definition, without reaching for Zod's runtime. */
interface Node {
  _zod: { def: { type: string; innerType?: Node; shape?: Record<string, Node>; valueType?: Node } };
  minValue?: number | null;
  maxValue?: number | null;
  minLength?: number | null;
  maxLength?: number | null;
}

/** The schema of the field at `path`, through defaults, nested objects and per-language records. */
function nodeAt(schema: Node, path: readonly PropertyKey[]): Node | undefined {
  let at: Node | undefined = schema;
  let i = 0;
  while (at) {
    const def: Node['_zod']['def'] = at._zod.def;
    if (def.innerType) at = def.innerType;
    else if (i === path.length) return at;
    else if (def.type === 'object') at = def.shape?.[String(path[i++])];
    else if (def.type === 'record') {
      at = def.valueType;
      i++;
    } else return undefined;
  }
  return undefined;
}

/** The allowed range of a number field, or of a text field's length. */
function limitsAt(schema: Node, path: readonly PropertyKey[]): Limits {
  const node = nodeAt(schema, path);
  if (!node) return {};
  const type = node._zod.def.type;
  const [min, max] = type === 'number' ? [node.minValue, node.maxValue] : type === 'string' ? [node.minLength, node.maxLength] : [];
  // Zod reports an unbounded number as ±Infinity or the safe-integer limits; those are no range to tell a person.
  const real = (n: number | null | undefined) => (typeof n === 'number' && Math.abs(n) < Number.MAX_SAFE_INTEGER ? n : undefined);
  return { ...(real(min) !== undefined && { min: real(min) }), ...(real(max) !== undefined && { max: real(max) }) };
}

const range = ({ min, max }: Limits, unit = '') =>
  min !== undefined && max !== undefined
    ? `from ${min} to ${max}${unit}`
    : min !== undefined
      ? `at least ${min}${unit}`
      : `at most ${max}${unit}`;

/** The English sentence for an issue; the UI words the same codes in each language. */
function english(issue: Omit<PolicyIssue, 'message'>, zodMessage: string): string {
  switch (issue.code) {
    case 'too_small':
    case 'too_big':
    case 'not_integer':
      return `must be a whole number ${range(issue)}`;
    case 'too_short':
    case 'too_long':
      return `must be ${range(issue, ' characters')} long`;
    case 'invalid_type':
      return issue.min !== undefined || issue.max !== undefined
        ? `must be a whole number ${range(issue)}`
        : `must be ${issue.expected === 'object' || issue.expected === 'record' ? 'an object' : `a ${issue.expected}`}`;
    case 'invalid_value':
      return `must be one of: ${issue.values!.join(', ')}`;
    case 'unknown_key':
      return 'is not a policy field';
    default:
      return zodMessage;
  }
}

const fieldOf = (path: readonly PropertyKey[]) => path.map(String).join('.') || '(policy)';

/** The policy's issues for Zod's; one per wrong field, unknown keys each named on their own. */
export function policyIssues(schema: z.ZodType, issues: readonly z.core.$ZodIssue[]): PolicyIssue[] {
  const root = schema as unknown as Node;
  const out: PolicyIssue[] = [];
  const seen = new Set<string>();
  const add = (issue: Omit<PolicyIssue, 'message'>, zodMessage: string) => {
    // One problem per field is enough to fix it, and a UI shows one message per field.
    if (seen.has(issue.field)) return;
    seen.add(issue.field);
    out.push({ ...issue, message: english(issue, zodMessage) });
  };
  // A huge number breaks both Zod's safe-integer limit and the field's own maximum: the field's
  // range is what the admin can use, so the safe-integer issue goes last and is dropped.
  const ordered = [...issues].sort((a, b) => Number(isSafeIntLimit(a)) - Number(isSafeIntLimit(b)));
  for (const i of ordered) {
    const field = fieldOf(i.path);
    const limits = limitsAt(root, i.path);
    switch (i.code) {
      case 'too_small':
      case 'too_big': {
        const text = i.origin === 'string';
        const code = text ? (i.code === 'too_small' ? 'too_short' : 'too_long') : i.code;
        const crossed = Number(i.code === 'too_small' ? i.minimum : i.maximum);
        const own = i.code === 'too_small' ? { min: crossed } : { max: crossed };
        add({ field, code, ...limits, ...(isSafeIntLimit(i) ? {} : own) }, i.message);
        break;
      }
      case 'invalid_type':
        if (i.expected === 'int') add({ field, code: 'not_integer', ...limits }, i.message);
        else add({ field, code: 'invalid_type', expected: i.expected, ...limits }, i.message);
        break;
      case 'invalid_value':
        add({ field, code: 'invalid_value', values: i.values.map(String) }, i.message);
        break;
      case 'unrecognized_keys':
        for (const key of i.keys) add({ field: fieldOf([...i.path, key]), code: 'unknown_key' }, i.message);
        break;
      default:
        add({ field, code: 'invalid' }, i.message);
    }
  }
  return out;
}

const isSafeIntLimit = (i: z.core.$ZodIssue) => (i.code === 'too_big' || i.code === 'too_small') && i.origin === 'int';
