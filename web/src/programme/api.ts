// The tracker's API calls: same-origin cookies, the CSRF token on every write,
// problem+json errors turned into messages.
import { useSyncExternalStore } from 'react';
import type { paths } from '../openapi-types';

/**
 * The JSON a route answers with on success, from the types generated from
 * /openapi.json (scripts/api-types.ts): a server rename breaks the type check here.
 */
export type Answer<P extends keyof paths, M extends 'get' | 'post' | 'patch' | 'put' | 'delete' = 'get'> =
  paths[P][M] extends { responses: infer R }
    ? R extends { 200: { content: { 'application/json': infer B } } } ? B
    : R extends { 201: { content: { 'application/json': infer B } } } ? B : never
    : never;

export type Me = Answer<'/api/v1/auth/me'>;
export class ProblemError extends Error {
  constructor(readonly status: number, message: string, readonly parameter?: string) { super(message); }
}

let me: Me | null = null;
const listeners = new Set<() => void>();
const emit = () => listeners.forEach((l) => l());

export async function refreshMe(): Promise<Me> {
  me = await call<Me>('GET', '/api/v1/auth/me');
  emit();
  return me;
}

/** The signed-in user (null while loading or for the public). */
export function useMe(): Me | null {
  return useSyncExternalStore((l) => { listeners.add(l); if (!me) void refreshMe().catch(() => undefined); return () => listeners.delete(l); }, () => me);
}

export async function call<T>(method: string, url: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET') {
    if (!me) await refreshMe();
    headers['x-csrf-token'] = me!.csrf_token;
  }
  const res = await fetch(url, { method, headers, credentials: 'same-origin', body: body === undefined ? undefined : JSON.stringify(body) });
  if (res.status === 204) return undefined as T;
  const data = await res.json().catch(() => null) as (T & { detail?: string; title?: string; parameter?: string }) | null;
  if (!res.ok) throw new ProblemError(res.status, data?.detail ?? data?.title ?? `HTTP ${res.status}`, data?.parameter);
  return data as T;
}

export async function signIn(email: string, password: string): Promise<Me> {
  if (!me) await refreshMe();
  me = await call<Me>('POST', '/api/v1/auth/sign-in', { email, password });
  emit();
  return me;
}

export async function signOut(): Promise<void> {
  await call('POST', '/api/v1/auth/sign-out');
  await refreshMe();
}
