// Pure rules about accounts: password strength, reserved names, login throttling, starting trust.

export const MIN_PASSWORD_LENGTH = 8;

/** A few of the most common passwords; the length rule catches most others. */
const commonPasswords = new Set([
  'password', 'password1', 'password123', '12345678', '123456789', '1234567890', 'qwertyui', 'qwerty123',
  'iloveyou', 'sunshine', 'princess', 'football', 'baseball', 'welcome1', 'letmein1', 'abc12345', '11111111',
  'passw0rd', 'admin123', 'changeme', 'trustno1', 'superman', 'whatever', 'starwars', 'dragon12',
]);

/** Returns why a password is too weak, or undefined when it is acceptable. */
export function passwordProblem(password: string, context: { username?: string; email?: string }): string | undefined {
  if ([...password].length < MIN_PASSWORD_LENGTH) return `password must be at least ${MIN_PASSWORD_LENGTH} characters`;
  const lower = password.toLowerCase();
  if (commonPasswords.has(lower)) return 'password is too common';
  if (context.username && lower === context.username.toLowerCase()) return 'password must differ from the username';
  if (context.email && lower === context.email.toLowerCase()) return 'password must differ from the email';
  if (/^(.)\1+$/.test(password)) return 'password must not repeat one character';
  return undefined;
}

const reservedUsernames = new Set([
  'admin', 'administrator', 'moderator', 'moderators', 'admins', 'staff', 'system', 'hearth', 'support', 'root',
  'everyone', 'members', 'guest', 'anonymous', 'api', 'null', 'undefined', 'me', 'help', 'settings', 'about',
]);

export function isReservedUsername(username: string): boolean {
  const lower = username.toLowerCase();
  return reservedUsernames.has(lower) || /^trust_level_\d$/.test(lower);
}

export const LOGIN_FAILURE_LIMIT = 5;
export const LOGIN_FAILURE_WINDOW_MS = 15 * 60 * 1000;

/** The account key follows the member, whichever login (username or email) was typed; unknown logins count by what was typed. */
export function loginThrottleKeys(login: string, memberId: number | undefined, ip: string): { account: string; ip: string } {
  const account = memberId === undefined ? `login:acct:${login.trim().toLowerCase()}` : `login:member:${memberId}`;
  return { account, ip: `login:ip:${ip}` };
}

/** Blocked when either the account or the IP already had the allowed number of failures in the window. */
export function isLoginBlocked(accountFailures: number, ipFailures: number): boolean {
  return accountFailures >= LOGIN_FAILURE_LIMIT || ipFailures >= LOGIN_FAILURE_LIMIT;
}

export function isSuspended(suspendedUntil: Date | null, now = new Date()): boolean {
  return suspendedUntil !== null && suspendedUntil.getTime() > now.getTime();
}

/** The email that tells an applicant how their held sign-up was decided. */
export function applicantMail(site: { siteName: string; publicUrl: string }, to: { username: string; email: string }, approved: boolean, reason: string): { to: string; subject: string; text: string } {
  if (approved) {
    return {
      to: to.email,
      subject: `Welcome to ${site.siteName}: your account is approved`,
      text: `Hi ${to.username},\n\nA moderator approved your sign-up at ${site.siteName}. You can log in now:\n${site.publicUrl}/login\n`,
    };
  }
  return {
    to: to.email,
    subject: `Your sign-up at ${site.siteName}`,
    text: `Hi ${to.username},\n\nA moderator did not approve your sign-up at ${site.siteName}, so the account stays closed.\n\nThe reason given: ${reason}\n`,
  };
}
