// XSS payloads and the check that rendered HTML is inert, shared by the Markdown and API tests.
import assert from 'node:assert/strict';

/** Every tag in the output with its attributes (sanitize-html always writes name="value" with &quot; inside). */
function tagsOf(html: string): { tag: string; attributes: [string, string][] }[] {
  return [...html.matchAll(/<([a-z][a-z0-9]*)((?:\s+[^\s=>/]+(?:="[^"]*")?)*)\s*\/?>/gi)].map((m) => ({
    tag: m[0],
    attributes: [...(m[2] ?? '').matchAll(/\s+([^\s=>/]+)(?:="([^"]*)")?/g)].map((a) => [(a[1] ?? '').toLowerCase(), a[2] ?? '']),
  }));
}

/** No script runs from this HTML: no script-capable element, no event handler, no script or data URL, no free styling. */
export function assertInert(html: string): void {
  assert.doesNotMatch(html, /<script/i, html);
  assert.doesNotMatch(html, /<(iframe|object|embed|style|svg|math|form|base|meta|link)\b/i, html);
  for (const { tag, attributes } of tagsOf(html)) {
    for (const [name, value] of attributes) {
      assert.doesNotMatch(name, /^on/, tag);
      assert.doesNotMatch(value, /javascript:|vbscript:|data:/i, tag);
      if (name === 'href' || name === 'src') assert.match(value, /^(https?:|mailto:)/, tag);
      if (name === 'style') assert.match(value, /^text-align:(left|right|center)$/, tag);
    }
  }
}

export const xssPayloads = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '<svg onload=alert(1)>',
  '<iframe src="javascript:alert(1)"></iframe>',
  '[click](javascript:alert(1))',
  '[click](JaVaScRiPt:alert(1))',
  '[click](  javascript:alert(1))',
  '[click](&#106;avascript:alert(1))',
  '[click](&#x6A;&#x61;&#x76;&#x61;&#x73;&#x63;&#x72;&#x69;&#x70;&#x74;:alert(1))',
  '[click](java\tscript:alert(1))',
  '[click](vbscript:msgbox(1))',
  '[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
  '![x](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)',
  '![x](javascript:alert(1))',
  '![x" onerror="alert(1)](https://example.com/a.png)',
  '[x](https://example.com/" onmouseover="alert(1))',
  '<a href="javascript:alert(1)">x</a>',
  '<div style="background:url(javascript:alert(1))">x</div>',
  '<style>body{display:none}</style>',
  '<p style="position:fixed;top:0">overlay</p>',
  '```"><script>alert(1)</script>\ncode\n```',
  '<math><mi xlink:href="javascript:alert(1)">x</mi></math>',
  '<form action="javascript:alert(1)"><button>x</button></form>',
  '[x]: javascript:alert(1)\n\n[link][x]',
  '<<script>script>alert(1)<</script>/script>',
  '- [ ] <img src=x onerror=alert(1)>',
  '| a |\n|---|\n| <img src=x onerror=alert(1)> |',
  'javascript:alert(1)',
  'www.example.com/"onmouseover="alert(1)',
];
