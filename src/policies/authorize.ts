// The check routes call between load and command: throws AccessDenied (the API
// answers 403) and narrows the principal to signed-in when it passes.
import type { Principal } from '../auth/principal.js';
import { can, type Action, type Resource, type Target } from './table.js';

/** A denied action: a domain error, mapped to a 403 problem by the API. */
export class AccessDenied extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AccessDenied';
  }
}

export function authorize(p: Principal | null, action: Action, resource: Resource, target: Target = {}): asserts p is Principal {
  if (!p) throw new AccessDenied('Sign in with an account that may do this; the public can only read.');
  if (!can(p, action, resource, target)) throw new AccessDenied(`Your role (${p.role}) may not ${action} this ${resource}.`);
}
