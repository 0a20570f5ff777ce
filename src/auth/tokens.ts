// Random secrets for session cookies and API tokens; only their sha256 is stored.
import { createHash, randomBytes } from 'node:crypto';

export function newSecret(prefix = ''): string {
  return prefix + randomBytes(32).toString('base64url');
}

export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

export const API_TOKEN_PREFIX = 'cct_';
