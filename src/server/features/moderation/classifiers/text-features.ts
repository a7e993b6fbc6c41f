// Text → hashed features: word unigrams and bigrams, and character n-grams, with no per-call
// allocation beyond the regular-expression stage's string. Training and classifying share this one code path.

export const MAX_INPUT_CHARS = 4000;

export interface FeatureSettings {
  /** 1: word unigrams; 2: unigrams and bigrams. */
  wordNgrams: number;
  charMin: number;
  charMax: number;
  /** Add tokens for length, capitals and exclamation marks. */
  shape: boolean;
}

export const defaultFeatureSettings: FeatureSettings = { wordNgrams: 2, charMin: 3, charMax: 5, shape: true };

const ENTITY = /&(?:#(\d{1,7})|#x([0-9a-f]{1,6})|(amp|lt|gt|quot|apos|nbsp));/g;
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };
const TAG = /<\/?[a-z][^>]{0,300}>/g;
const URL =
  /(?:\b(?:https?:\/\/|www\.)[^\s<>"')\]]+|\b[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|net|org|info|biz|ly|co|me|tk|io|us|uk|ru|de|tv|gl|gg|xyz|site|online|club)\b(?:\/[^\s<>"')\]]*)?)/g;
const MENTION = /@[a-z0-9_]{1,30}/g;

function decodeEntity(whole: string, dec?: string, hex?: string, name?: string): string {
  if (name) return NAMED[name] ?? whole;
  const code = dec ? Number.parseInt(dec, 10) : Number.parseInt(hex ?? '', 16);
  return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : ' ';
}

/** The URL's host without "www.", so a link becomes two tokens: __url__ and where it points. */
function urlToken(url: string): string {
  const host = url.replace(/^https?:\/\//, '').replace(/^www\./, '').split(/[/?#:]/, 1)[0] ?? '';
  return ` __url__ ${host} `;
}

/** The regular-expression stage: lower case, entities decoded, tags dropped, URLs and @mentions as tokens. */
function rewriteText(text: string): string {
  let s = (text.length > MAX_INPUT_CHARS ? text.slice(0, MAX_INPUT_CHARS) : text).toLowerCase();
  if (s.includes('&')) s = s.replace(ENTITY, decodeEntity);
  if (s.includes('<')) s = s.replace(TAG, ' ');
  if (s.includes('.')) s = s.replace(URL, urlToken);
  if (s.includes('@')) s = s.replace(MENTION, ' @user ');
  return s;
}

function isSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000;
}

function isInvisible(c: number): boolean {
  return c === 0xfeff || (c >= 0x200b && c <= 0x200d) || c === 0x2060 || c === 0xad;
}

/**
 * The character stage, in one loop into out.codes: whitespace runs become one space (none at the ends),
 * invisible characters go, a run of digits becomes "0", and a character repeated more than 3 times is cut to 3.
 */
function writeCodes(s: string, out: FeatureBuffer): void {
  const codes = out.codes;
  codes[0] = 32;
  let n = 1;
  let last = 32;
  let run = 0;
  for (let i = 0; i < s.length; i++) {
    let c = s.charCodeAt(i);
    if (isInvisible(c)) continue;
    if (isSpace(c)) c = 32;
    else if (c >= 48 && c <= 57) {
      if (last === 48) continue;
      c = 48;
    }
    if (c === last) {
      if (c === 32 || run >= 3) continue;
      run++;
    } else run = 1;
    codes[n++] = c;
    last = c;
  }
  if (n > 1 && codes[n - 1] === 32) n--;
  codes[n] = 32;
  out.codeLength = n - 1;
}

/** murmur3's finalizer: spreads FNV's low-entropy bits over the whole word. */
function mix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h | 0;
}

const FNV_PRIME = 0x01000193;
const WORD_SEED = 0x811c9dc5;
const BIGRAM_SEED = 0x2545f491;
const CHAR_SEED = 0x9e3779b9;

function isWordChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 95 || c === 39 || c === 64 || c === 35 || c >= 128;
}

/**
 * Reusable buffers. `codes` holds the normalized text as " " + text + " " (codes[0] and
 * codes[codeLength + 1] are spaces); `hashes` holds the features: words first (up to `words`), then
 * character n-grams (up to `length`).
 */
export class FeatureBuffer {
  codes = new Uint16Array(1024);
  codeLength = 0;
  hashes = new Int32Array(4096);
  length = 0;
  words = 0;

  reserve(codes: number, hashes: number): void {
    if (this.codes.length < codes) this.codes = new Uint16Array(codes * 2);
    if (this.hashes.length < hashes) this.hashes = new Int32Array(hashes * 2);
  }
}

function wordFeatures(settings: FeatureSettings, out: FeatureBuffer): void {
  const { codes, hashes } = out;
  let length = out.length;
  let h = WORD_SEED;
  let inWord = false;
  let previous = 0;
  let hasPrevious = false;
  for (let i = 1; i <= out.codeLength + 1; i++) {
    const c = codes[i] as number;
    if (isWordChar(c)) {
      h = Math.imul(h ^ c, FNV_PRIME);
      inWord = true;
      continue;
    }
    if (!inWord) continue;
    const word = mix(h);
    hashes[length++] = word;
    if (settings.wordNgrams >= 2 && hasPrevious) hashes[length++] = mix(Math.imul(previous ^ BIGRAM_SEED, FNV_PRIME) ^ word);
    previous = word;
    hasPrevious = true;
    h = WORD_SEED;
    inWord = false;
  }
  out.length = length;
}

function charFeatures(settings: FeatureSettings, out: FeatureBuffer): void {
  const { codes, hashes } = out;
  const { charMin, charMax } = settings;
  const n = out.codeLength + 2;
  let length = out.length;
  for (let start = 0; start + charMin <= n; start++) {
    let h = CHAR_SEED;
    const last = Math.min(n, start + charMax);
    for (let i = start; i < last; i++) {
      h = Math.imul(h ^ (codes[i] as number), FNV_PRIME);
      const size = i - start + 1;
      if (size >= charMin) hashes[length++] = mix(h ^ size);
    }
  }
  out.length = length;
}

const SHAPE_SEED = 0x68e31da4;

/** A few shape tokens that lower-casing hides: length, SHOUTING, !!!. */
function shapeFeatures(text: string, out: FeatureBuffer): void {
  const length = Math.min(text.length, MAX_INPUT_CHARS);
  let letters = 0;
  let upper = 0;
  let bangs = 0;
  for (let i = 0; i < length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 65 && c <= 90) upper++;
    if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) letters++;
    if (c === 33) bangs++;
  }
  const caps = letters < 8 ? 0 : upper / letters < 0.1 ? 1 : upper / letters < 0.3 ? 2 : upper / letters < 0.6 ? 3 : 4;
  out.hashes[out.length++] = mix(SHAPE_SEED ^ 1 ^ (caps << 8));
  out.hashes[out.length++] = mix(SHAPE_SEED ^ 2 ^ (Math.round(Math.log2(length + 1)) << 8));
  out.hashes[out.length++] = mix(SHAPE_SEED ^ 3 ^ (Math.min(bangs, 4) << 8));
}

function prepare(text: string, settings: FeatureSettings, out: FeatureBuffer): void {
  const s = rewriteText(text);
  const span = Math.max(1, settings.charMax - settings.charMin + 1);
  out.reserve(s.length + 2, (s.length + 2) * (2 + span) + 3);
  writeCodes(s, out);
}

/** Fills `out` with the features of a text. */
export function extractFeatures(text: string, settings: FeatureSettings, out: FeatureBuffer): void {
  prepare(text, settings, out);
  out.length = 0;
  wordFeatures(settings, out);
  if (settings.shape) shapeFeatures(text, out);
  out.words = out.length;
  charFeatures(settings, out);
}

const shared = { buffer: new FeatureBuffer(), text: undefined as string | undefined, settings: undefined as FeatureSettings | undefined };

function sameSettings(a: FeatureSettings, b: FeatureSettings): boolean {
  return a === b || (a.wordNgrams === b.wordNgrams && a.charMin === b.charMin && a.charMax === b.charMax && a.shape === b.shape);
}

/**
 * The features of a text in a buffer shared by every classifier, valid until the next call. When the
 * spam and abuse models look at the same post one after the other, the second call costs nothing.
 */
export function sharedFeatures(text: string, settings: FeatureSettings): FeatureBuffer {
  if (shared.text !== text || !shared.settings || !sameSettings(shared.settings, settings)) {
    shared.text = undefined;
    extractFeatures(text, settings, shared.buffer);
    shared.text = text;
    shared.settings = settings;
  }
  return shared.buffer;
}

/** The text as the features see it (for tests and debugging). */
export function normalizeText(text: string): string {
  const out = new FeatureBuffer();
  prepare(text, defaultFeatureSettings, out);
  let result = '';
  for (let i = 1; i <= out.codeLength; i++) result += String.fromCharCode(out.codes[i] as number);
  return result;
}
