/** Every route declares who may call it in `config.access`; the auth plugin enforces it and refuses
 *  any route that declares nothing (fail closed). */
import type { Role } from '../shared/roles.js';

export type AccessRule =
  | { kind: 'public' }
  | { kind: 'authenticated' }
  | { kind: 'roles'; roles: readonly Role[] };

export const access = {
  /** Anyone, signed in or not (login, health, docs). */
  public: (): AccessRule => ({ kind: 'public' }),
  /** Any signed-in user; data is still limited to their org subtree by the service. */
  authenticated: (): AccessRule => ({ kind: 'authenticated' }),
  /** Signed-in users holding at least one of these roles. */
  roles: (...roles: Role[]): AccessRule => ({ kind: 'roles', roles }),
};

export type Actor = {
  id: string;
  username: string;
  displayName: string;
  roles: Role[];
  orgId: string;
  orgPath: string;
  orgCode: string;
  orgName: string;
  sessionId: string;
  csrfToken: string;
};

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: AccessRule;
  }
  interface FastifyRequest {
    actor: Actor | null;
  }
}

export function describeRule(rule: AccessRule): string {
  if (rule.kind === 'roles') return `roles:${rule.roles.join(',')}`;
  return rule.kind;
}
