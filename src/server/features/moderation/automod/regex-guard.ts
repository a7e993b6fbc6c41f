// Keeps moderator-written regexes from hanging the server: checked on save, bounded at run time.
import { Script, createContext, type Context } from 'node:vm';
import safeRegex from 'safe-regex2';

/**
 * Run-time bound: a regex condition only sees the first this-many characters of a post. Together with
 * the save-time check (no exponential backtracking, no worse than quadratic on 2,000 characters) this
 * keeps one evaluation in the low milliseconds even on a hostile post.
 */
export const REGEX_TEXT_LIMIT = 10_000;

/** The part of a post that regex conditions look at. */
export function regexSubject(text: string): string {
  return text.length > REGEX_TEXT_LIMIT ? text.slice(0, REGEX_TEXT_LIMIT) : text;
}

export type PatternCheck = { ok: true } | { ok: false; code: 'invalid_regex' | 'unsafe_regex'; message: string };

const ALLOWED_FLAGS = /^(?!.*(.).*\1)[imsu]*$/;
// safe-regex2 counts every quantifier; long alternations of obfuscated words are fine up to this many.
const QUANTIFIER_LIMIT = 50;
const PROBE_TIMEOUT_MS = 50;

/** Save-time check: the pattern compiles, has no nested quantifiers and survives adversarial inputs. */
export function checkPattern(pattern: string, flags = ''): PatternCheck {
  if (!ALLOWED_FLAGS.test(flags)) return { ok: false, code: 'invalid_regex', message: 'Flags may only be i, m, s and u, each once' };
  try {
    new RegExp(pattern, flags);
  } catch (error) {
    return { ok: false, code: 'invalid_regex', message: error instanceof Error ? error.message : 'Invalid regular expression' };
  }
  if (!safeRegex(forStarHeight(pattern), { limit: QUANTIFIER_LIMIT })) {
    return { ok: false, code: 'unsafe_regex', message: 'Nested or too many quantifiers (e.g. (a+)+) can make matching take forever' };
  }
  if (!finishesInTime(pattern, flags)) {
    return { ok: false, code: 'unsafe_regex', message: 'The pattern backtracks catastrophically on some inputs (e.g. (a|aa)*b)' };
  }
  return { ok: true };
}

const cache = new Map<string, PatternCheck>();

/** checkPattern, remembered: rule sets are recompiled whenever a rule changes. */
export function checkPatternCached(pattern: string, flags = ''): PatternCheck {
  const key = `${flags}/${pattern}`;
  const known = cache.get(key);
  if (known) return known;
  if (cache.size >= 1000) cache.clear();
  const result = checkPattern(pattern, flags);
  cache.set(key, result);
  return result;
}

// The star height that matters: `?` repeats nothing, and the parser behind safe-regex2 does not know
// lookbehind (a lookahead has the same star height).
function forStarHeight(pattern: string): string {
  let out = '';
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const char = pattern.charAt(i);
    if (char === '\\') {
      out += char + pattern.charAt(++i);
      continue;
    }
    if (inClass) inClass = char !== ']';
    else if (char === '[') inClass = true;
    else if (char === '?' && pattern.charAt(i - 1) !== '(') continue;
    out += char;
  }
  return out.replace(/\(\?<([=!])/g, '(?$1');
}

const compile = new Script('re = new RegExp(pattern, flags);');
const run = new Script('re.test(input);');
let probeContext: Context | null = null;

// Runs the regex on inputs made of its own characters, each followed by a character that makes the
// match fail: short ones expose exponential blow-up, long ones cubic or worse. Each run gets a timeout.
function finishesInTime(pattern: string, flags: string): boolean {
  probeContext ??= createContext({});
  const context = probeContext;
  Object.assign(context, { pattern, flags });
  compile.runInContext(context);
  for (const input of probeInputs(pattern)) {
    context.input = input;
    try {
      run.runInContext(context, { timeout: PROBE_TIMEOUT_MS });
    } catch {
      probeContext = null; // a terminated context is not reused
      return false;
    }
  }
  return true;
}

// What an escape stands for in a probe; an escaped letter not listed here adds nothing.
const ESCAPES: Record<string, string> = { w: 'a', d: '1', s: ' ', W: '!', D: 'x', S: 'x', n: '\n', t: '\t', r: '\r', p: 'a', P: '!' };
const SYNTAX = new Set(['(', ')', '[', ']', '{', '}', '|', '*', '+', '?', '^', '$']);

function probeAlphabet(pattern: string): string[] {
  const chars = new Set(['a', '1', ' ']);
  for (let i = 0; i < pattern.length && chars.size < 16; i++) {
    const char = pattern.charAt(i);
    if (char === '\\') {
      const next = pattern.charAt(++i);
      const stands = ESCAPES[next] ?? (/[A-Za-z0-9]/.test(next) ? '' : next);
      if (stands) chars.add(stands);
    } else if (!SYNTAX.has(char)) chars.add(char === '.' ? 'a' : char);
  }
  return [...chars];
}

function probeInputs(pattern: string): string[] {
  const alphabet = probeAlphabet(pattern);
  const runs = [...alphabet.map((char) => char.repeat(40)), alphabet.join('').repeat(Math.ceil(40 / alphabet.length))];
  const inputs: string[] = [];
  for (const run of runs) inputs.push(`${run}!`, `${run}\u0000`, `${run.repeat(50)}\u0000`);
  return inputs;
}
