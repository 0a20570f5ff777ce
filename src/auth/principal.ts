// Who is asking: a signed-in user (session cookie or API token), or the public (null).
export const ROLES = ['admin', 'cites_secretariat', 'cms_secretariat', 'party_focal_point'] as const;
export type Role = (typeof ROLES)[number];
export type Convention = 'CITES' | 'CMS';

export interface Principal {
  userId: number;
  email: string;
  name: string;
  role: Role;
  partyIso2: string | null;
  conventions: Convention[];
  /** How the request authenticated: a cookie needs a CSRF token on writes, a bearer token does not. */
  via: 'session' | 'token';
}

/** The convention a Secretariat user works for. */
export function secretariatOf(p: Principal | null): Convention | null {
  if (p?.role === 'cites_secretariat') return 'CITES';
  if (p?.role === 'cms_secretariat') return 'CMS';
  return null;
}

export function isRole(s: string): s is Role {
  return (ROLES as readonly string[]).includes(s);
}

/** Audit actor of a request or CLI run. */
export interface Actor { userId: number | null; label: string; requestId?: string }

export function actorOf(p: Principal, requestId?: string): Actor {
  return { userId: p.userId, label: p.email, requestId };
}
