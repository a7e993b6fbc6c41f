// Rows → the emails (plain text and HTML, every member-written string escaped) and the preferences view.
import type { DigestFrequency } from '../../platform/db/schema';
import { excerptOf } from './digests.rules';
import type { EmailPreferencesView } from './digests.schema';
import type { DigestNotificationRow, DigestTopicRow, MemberMailRow, NotificationFactsRow } from './digests.store';

export interface Email {
  subject: string;
  text: string;
  html: string;
}

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

export function presentPreferences(row: MemberMailRow, mailEnabled: boolean): EmailPreferencesView {
  return {
    digestFrequency: row.digest_frequency,
    notifyWhenAway: row.notify_when_away,
    lastDigestAt: row.last_digest_at?.toISOString() ?? null,
    email: row.email,
    mailEnabled,
  };
}

interface Links {
  publicUrl: string;
  /** The web page that explains and confirms the unsubscribe. */
  unsubscribeUrl: string;
}

const topicUrl = (publicUrl: string, t: { slug: string; topic_id: number; post_number?: number | null }): string =>
  `${publicUrl}/t/${encodeURIComponent(t.slug)}/${t.topic_id}${t.post_number ? `#post-${t.post_number}` : ''}`;

/** A private conversation's page. */
const conversationUrl = (publicUrl: string, conversationId: number): string => `${publicUrl}/messages/${conversationId}`;

/** Where a notification leads: its conversation (type 'message'), a program notice's own page, or its topic and post. */
function notificationUrl(
  publicUrl: string,
  n: { conversation_id?: number | null; topic_id: number | null; slug: string | null; post_number?: number | null; notice_url?: string | null },
): string {
  if (typeof n.conversation_id === 'number') return conversationUrl(publicUrl, n.conversation_id);
  if (n.notice_url?.startsWith('/') && !n.notice_url.startsWith('//')) return `${publicUrl}${n.notice_url}`;
  return topicUrl(publicUrl, { slug: n.slug ?? '', topic_id: n.topic_id ?? 0, post_number: n.post_number });
}

const actorName = (username: string | null): string => (username ? `@${username}` : 'Someone');

/** Header-safe: one line. */
const oneLine = (text: string): string => text.replace(/\s+/g, ' ').trim();

/** One line about a notification, e.g. `@bob replied in “Title”`. */
export function describeNotification(n: { type: string; actor_username: string | null; title: string; count?: number; emoji?: string | null; notice_text?: string | null }): string {
  const who = actorName(n.actor_username);
  const title = `“${n.title}”`;
  switch (n.type) {
    case 'reply':
      return `${who} replied in ${title}`;
    case 'mention':
      return `${who} mentioned you in ${title}`;
    case 'quote':
      return `${who} quoted you in ${title}`;
    case 'reaction': {
      const others = (n.count ?? 1) > 1 ? ` and ${(n.count ?? 1) - 1} more` : '';
      return `${who}${others} reacted ${n.emoji ?? ''} to your post in ${title}`.replace(/ {2,}/g, ' ');
    }
    case 'watching':
      return `${who} posted in ${title}`;
    case 'message': {
      // Later messages fold into one unread notification per conversation.
      const count = n.count ?? 1;
      return count > 1 ? `${count} new messages in ${title}, the latest from ${who}` : `${who} sent you a message: ${title}`;
    }
    case 'notice':
      return n.notice_text ? `${n.title}: ${n.notice_text}` : n.title;
    case 'bookmark':
      return `Reminder: you bookmarked a post in ${title}`;
    default:
      return `New activity in ${title}`;
  }
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

function frame(siteName: string, bodyHtml: string, footerHtml: string): string {
  return [
    '<!doctype html>',
    '<html><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"></head>',
    '<body style="font-family:system-ui,-apple-system,Segoe UI,Roboto,sans-serif;line-height:1.5;color:#1f2328;max-width:40em;margin:0 auto;padding:1em">',
    `<p style="font-size:1.2em;font-weight:600">${escapeHtml(siteName)}</p>`,
    bodyHtml,
    `<hr style="border:none;border-top:1px solid #d0d7de;margin:2em 0 1em"><p style="font-size:0.85em;color:#57606a">${footerHtml}</p>`,
    '</body></html>',
  ].join('\n');
}

export interface DigestEmailInput extends Links {
  siteName: string;
  username: string;
  frequency: Exclude<DigestFrequency, 'never'>;
  notifications: readonly DigestNotificationRow[];
  topics: readonly DigestTopicRow[];
}

export function digestEmail(d: DigestEmailInput): Email {
  const parts = [d.notifications.length > 0 ? plural(d.notifications.length, 'notification', 'notifications') : '', d.topics.length > 0 ? plural(d.topics.length, 'new topic', 'new topics') : ''].filter(Boolean);
  const subject = oneLine(`[${d.siteName}] Your ${d.frequency} summary: ${parts.join(', ')}`);
  const preferencesUrl = `${d.publicUrl}/profile`;
  const notificationLines = d.notifications.map((n) => ({ line: describeNotification(n), url: notificationUrl(d.publicUrl, n) }));
  const topicLines = d.topics.map((t) => ({
    title: t.title,
    meta: `${t.space_name} · by ${actorName(t.author_username)} · ${plural(t.reply_count, 'reply', 'replies')}`,
    excerpt: excerptOf(t.html),
    url: topicUrl(d.publicUrl, { slug: t.slug, topic_id: t.id }),
  }));
  const why = `You get this ${d.frequency} summary from ${d.siteName} as @${d.username} because you have not visited for a while.`;

  const text = [
    `Hello @${d.username}, here is what happened on ${d.siteName} while you were away.`,
    ...(notificationLines.length > 0 ? ['', 'Unread notifications', ...notificationLines.map((n) => `- ${n.line}\n  ${n.url}`)] : []),
    ...(topicLines.length > 0 ? ['', 'New topics', ...topicLines.map((t) => `- ${t.title} (${t.meta})\n  ${t.excerpt ? `${t.excerpt}\n  ` : ''}${t.url}`)] : []),
    '',
    '--',
    why,
    `Change how often: ${preferencesUrl}`,
    `Unsubscribe from these summaries: ${d.unsubscribeUrl}`,
  ].join('\n');

  const link = (url: string, label: string) => `<a href="${escapeHtml(url)}">${escapeHtml(label)}</a>`;
  const sections: string[] = [`<p>Hello @${escapeHtml(d.username)}, here is what happened on ${escapeHtml(d.siteName)} while you were away.</p>`];
  if (notificationLines.length > 0) {
    sections.push('<h2 style="font-size:1.1em">Unread notifications</h2>', `<ul>${notificationLines.map((n) => `<li>${link(n.url, n.line)}</li>`).join('')}</ul>`);
  }
  if (topicLines.length > 0) {
    const items = topicLines.map((t) => `<li style="margin-bottom:0.75em">${link(t.url, t.title)}<br><small style="color:#57606a">${escapeHtml(t.meta)}</small>${t.excerpt ? `<br>${escapeHtml(t.excerpt)}` : ''}</li>`);
    sections.push('<h2 style="font-size:1.1em">New topics</h2>', `<ul>${items.join('')}</ul>`);
  }
  const footer = `${escapeHtml(why)} ${link(preferencesUrl, 'Change how often')} · ${link(d.unsubscribeUrl, 'Unsubscribe from these summaries')}`;
  return { subject, text, html: frame(d.siteName, sections.join('\n'), footer) };
}

export interface NotificationEmailInput extends Links {
  siteName: string;
  username: string;
  notification: NotificationFactsRow;
}

export function notificationEmail(d: NotificationEmailInput): Email {
  const n = d.notification;
  const line = describeNotification(n);
  const url = notificationUrl(d.publicUrl, n);
  const excerpt = excerptOf(n.html ?? '', 500);
  const why = `You get this from ${d.siteName} as @${d.username} because you were away.`;
  const text = [line, '', ...(excerpt ? [excerpt, ''] : []), `Read it: ${url}`, '', '--', why, `Stop these emails: ${d.unsubscribeUrl}`].join('\n');
  const body = [`<p>${escapeHtml(line)}</p>`, ...(excerpt ? [`<blockquote style="border-left:3px solid #d0d7de;margin:0;padding-left:1em;color:#424a53">${escapeHtml(excerpt)}</blockquote>`] : []), `<p><a href="${escapeHtml(url)}">Read it</a></p>`];
  const footer = `${escapeHtml(why)} <a href="${escapeHtml(d.unsubscribeUrl)}">Stop these emails</a>`;
  return { subject: oneLine(`[${d.siteName}] ${line}`), text, html: frame(d.siteName, body.join('\n'), footer) };
}
