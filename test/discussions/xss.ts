// XSS payloads and the check that rendered HTML is inert, shared by the Markdown and API tests.
import assert from 'node:assert/strict';

/** Every tag in the output with its attributes (sanitize-html always writes name="value" with &quot; inside). */
function tagsOf(html: string): { tag: string; attributes: [string, string][] }[] {
  return [...html.matchAll(/<([a-z][a-z0-9]*)((?:\s+[^\s=>/]+(?:="[^"]*")?)*)\s*\/?>/gi)].map((m) => ({
    tag: m[0],
    attributes: [...(m[2] ?? '').matchAll(/\s+([^\s=>/]+)(?:="([^"]*)")?/g)].map((a) => [(a[1] ?? '').toLowerCase(), a[2] ?? '']),
  }));
}

/** A URL attribute as a browser reads it: character references decoded, tabs and newlines dropped, leading controls and spaces trimmed. */
function urlAsRead(value: string): string {
  const decoded = value
    .replace(/&#x([0-9a-f]+);?/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/&#([0-9]+);?/g, (_, dec: string) => String.fromCodePoint(parseInt(dec, 10)))
    .replace(/&colon;/gi, ':')
    .replace(/&amp;/gi, '&');
  // eslint-disable-next-line no-control-regex -- these are exactly what URL parsing strips
  return decoded.replace(/[\t\n\r]/g, '').replace(/^[\u0000-\u0020]+/, '');
}

/** No script runs from this HTML: no script-capable element, no event handler, no script or data URL, no free styling. */
export function assertInert(html: string): void {
  assert.doesNotMatch(html, /<script/i, html);
  assert.doesNotMatch(html, /<(iframe|object|embed|style|svg|math|form|base|meta|link)\b/i, html);
  for (const { tag, attributes } of tagsOf(html)) {
    for (const [name, value] of attributes) {
      assert.doesNotMatch(name, /^on/, tag);
      assert.doesNotMatch(value, /javascript:|vbscript:|data:/i, tag);
      // A URL is a web or mail address, or relative (no scheme at all, such as /u/name or a%09b).
      if (name === 'href' || name === 'src') assert.match(urlAsRead(value), /^(https?:|mailto:|(?![a-z][a-z0-9+.-]*:))/i, tag);
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
  // Breaking out of attributes and elements the text may land in (titles, text areas, attributes).
  '"><script>alert(1)</script>',
  "'><img src=x onerror=alert(1)>",
  '</title><script>alert(1)</script>',
  '</textarea><script>alert(1)</script>',
  '<img src="x" onerror="window.__x=1">',
  '<IMG SRC=JaVaScRiPt:alert(1)>',
  '<img src=x:alert(alt) onerror=eval(src) alt=0>',
  '<img srcset="x" onerror="alert(1)">',
  '<scr<script>ipt>alert(1)</scr</script>ipt>',
  '<script src=//example.com/x.js></script>',
  '<svg/onload=alert(1)>',
  '<svg><script>alert(1)</script></svg>',
  '<svg><animate onbegin=alert(1) attributeName=x dur=1s>',
  '<svg><a xlink:href="javascript:alert(1)"><text x="20" y="20">x</text></a></svg>',
  // Event handlers on elements that fire without a click.
  '<body onload=alert(1)>',
  '<input autofocus onfocus=alert(1)>',
  '<details open ontoggle=alert(1)>',
  '<video><source onerror=alert(1)></video>',
  '<audio src=x onerror=alert(1)>',
  '<marquee onstart=alert(1)>x</marquee>',
  '<div onmouseover="alert(1)">hover</div>',
  '<a href="#" onclick="alert(1)">x</a>',
  '<x onclick=alert(1)>click',
  // Frames, objects and document-level elements.
  '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
  '<object data="javascript:alert(1)"></object>',
  '<embed src="javascript:alert(1)">',
  '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
  '<base href="javascript:alert(1)//">',
  '<link rel=stylesheet href="javascript:alert(1)">',
  '<table background="javascript:alert(1)">',
  // Script URLs in HTML links: entity-encoded, with white space, data: documents.
  '<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)">x</a>',
  '<a href="jav&#x09;ascript:alert(1)">x</a>',
  '<a href=" javascript:alert(1)">x</a>',
  '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>',
  // CSS: expression(), script URLs, behaviours and an escaped @import (a plain one would read as a mention).
  '<div style="width:expression(alert(1))">x</div>',
  "<p style=\"background-image:url('javascript:alert(1)')\">x</p>",
  '<div style="behavior:url(x.htc)">x</div>',
  "<style>@\\import 'javascript:alert(1)';</style>",
  // Markdown links, images and autolinks.
  '[x](javascript&colon;alert(1))',
  '[x](jav&#x09;ascript:alert(1))',
  '[x](javascript://%0aalert(1))',
  '[x](<javascript:alert(1)>)',
  '[x](VBScript:msgbox(1))',
  '[x](data:text/html,<script>alert(1)</script>)',
  '![x](https://example.com/a.png"onerror="alert(1))',
  '[<img src=x onerror=alert(1)>](https://example.com)',
  '<javascript:alert(1)>',
  '<vbscript:msgbox(1)>',
  '<data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==>',
  '<https://example.com/"onmouseover="alert(1)">',
  // Entities and encodings that must not be decoded twice.
  '&lt;script&gt;alert(1)&lt;/script&gt;',
  '&#60;img src=x onerror=alert(1)&#62;',
  '\\u003cscript\\u003ealert(1)\\u003c/script\\u003e',
  '%3Cscript%3Ealert(1)%3C%2Fscript%3E',
  // Mutation XSS: markup that changes meaning when parsed twice.
  '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
  '<form><math><mtext></form><form><mglyph><style></math><img src onerror=alert(1)></style>',
  // Template injection (client and server template engines).
  "{{constructor.constructor('alert(1)')()}}",
  '${alert(1)}',
  '<%= alert(1) %>',
  '#{alert(1)}',
  // A polyglot that escapes many contexts at once.
  "javascript:/*--></title></style></textarea></script></xmp><svg/onload='+/\"/+/onmouseover=1/+/[*/[]/+alert(1)//'>",
  // Names that collide with Object.prototype (valid tags, so they reach every place tags are used).
  'constructor',
  '__proto__',
  'toString',
  'hasOwnProperty',
];
