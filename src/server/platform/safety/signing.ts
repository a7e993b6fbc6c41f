// HMAC-signed values for links that act without a login (one-click unsubscribe). A signature covers
// the purpose too, so a value signed for one use is never accepted for another.
import crypto from 'node:crypto';
import { constantTimeEqual } from './tokens';

function signature(secret: string, purpose: string, value: string): string {
  return crypto.createHmac('sha256', secret).update(`hearth:${purpose}\n${value}`).digest('base64url');
}

/** `value.signature`; value must not contain a dot. */
export function signValue(secret: string, purpose: string, value: string): string {
  if (value.includes('.')) throw new Error('A signed value may not contain a dot');
  return `${value}.${signature(secret, purpose, value)}`;
}

/** The value when the token carries a valid signature for the purpose, otherwise undefined. */
export function verifySignedValue(secret: string, purpose: string, token: string): string | undefined {
  const dot = token.lastIndexOf('.');
  if (dot <= 0) return undefined;
  const value = token.slice(0, dot);
  return constantTimeEqual(token.slice(dot + 1), signature(secret, purpose, value)) ? value : undefined;
}
