// A line diff between two texts: the longest common subsequence of their lines, as kept, removed and
// added lines in order. Common leading and trailing lines are matched first; when what is left would
// need too large a table, the rest is shown as removed then added (still a correct diff, just longer).

export interface DiffLine {
  op: 'same' | 'remove' | 'add';
  text: string;
}

const MAX_CELLS = 4_000_000;

const splitLines = (text: string): string[] => text.replace(/\r\n?/g, '\n').split('\n');

/** Lines of `a` and `b` with the LCS table over the middle part; Uint16 fits since bodies are ≤ 32,000 characters. */
function lcsMiddle(a: readonly string[], b: readonly string[]): DiffLine[] {
  const n = a.length;
  const m = b.length;
  if ((n + 1) * (m + 1) > MAX_CELLS || n > 65_535 || m > 65_535) {
    return [...a.map((text) => ({ op: 'remove' as const, text })), ...b.map((text) => ({ op: 'add' as const, text }))];
  }
  const width = m + 1;
  // table[i * width + j]: length of the LCS of a[i..] and b[j..]
  const table = new Uint16Array((n + 1) * width);
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      table[i * width + j] = a[i] === b[j] ? (table[(i + 1) * width + j + 1] ?? 0) + 1 : Math.max(table[(i + 1) * width + j] ?? 0, table[i * width + j + 1] ?? 0);
    }
  }
  const out: DiffLine[] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    const x = a[i] ?? '';
    const y = b[j] ?? '';
    if (x === y) {
      out.push({ op: 'same', text: x });
      i++;
      j++;
    } else if ((table[(i + 1) * width + j] ?? 0) >= (table[i * width + j + 1] ?? 0)) {
      out.push({ op: 'remove', text: x });
      i++;
    } else {
      out.push({ op: 'add', text: y });
      j++;
    }
  }
  for (; i < n; i++) out.push({ op: 'remove', text: a[i] ?? '' });
  for (; j < m; j++) out.push({ op: 'add', text: b[j] ?? '' });
  return out;
}

export function lineDiff(before: string, after: string): DiffLine[] {
  const a = splitLines(before);
  const b = splitLines(after);
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let end = 0;
  while (end < a.length - start && end < b.length - start && a[a.length - 1 - end] === b[b.length - 1 - end]) end++;
  const same = (lines: readonly string[]): DiffLine[] => lines.map((text) => ({ op: 'same', text }));
  return [...same(a.slice(0, start)), ...lcsMiddle(a.slice(start, a.length - end), b.slice(start, b.length - end)), ...same(a.slice(a.length - end))];
}
