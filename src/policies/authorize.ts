// The check routes call between load and command: throws 403 (as problem+json)
// and narrows the principal to signed-in when it passes.
import { problems } from '../api/problems.js';
import type { Principal } from '../auth/principal.js';
import { can, type Action, type Resource, type Target } from './table.js';

export function authorize(p: Principal | null, action: Action, resource: Resource, target: Target = {}): asserts p is Principal {
  if (!p) throw problems.forbidden('Sign in with an account that may do this; the public can only read.');
  if (!can(p, action, resource, target)) throw problems.forbidden(`Your role (${p.role}) may not ${action} this ${resource}.`);
}
