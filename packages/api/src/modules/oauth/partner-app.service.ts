import { createHash, randomBytes } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/core';
import { AppError, refuseProblems, type InputProblem } from '../../graphql/app-error.js';
import { residentAppScopes } from '../../graphql/scope-gate.js';
import { config } from '../../config/config.js';
import type { Actor } from '../admin/admin-scope.js';
import { recordChange } from '../audit/audit-log.js';
import { PartnerApp } from '../../model/partner-app.entity.js';
import type { RegisterPartnerAppInput } from './app-access.types.js';

const loopbackHosts = new Set(['localhost', '127.0.0.1', '[::1]']);

/** https only; outside production an app on this machine may use http on loopback. */
export function isAllowedRedirectUri(uri: string, production: boolean): boolean {
  let url: URL;
  try {
    url = new URL(uri);
  } catch {
    return false;
  }
  if (url.hash || url.username || url.password) return false;
  if (url.protocol === 'https:') return true;
  return !production && url.protocol === 'http:' && loopbackHosts.has(url.hostname);
}

function problemsOf(input: RegisterPartnerAppInput): InputProblem[] {
  const problems: InputProblem[] = [];
  const text = (path: 'name' | 'owner', value: string) => {
    if (value.trim() === '') problems.push({ code: 'SETTING_REQUIRED', path });
    else if (value.trim().length > 100) {
      problems.push({ code: 'SETTING_TOO_LONG', path, params: { max: 100 } });
    }
  };
  text('name', input.name);
  text('owner', input.owner);
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(input.contactEmail.trim())) {
    problems.push({ code: 'SETTING_REQUIRED', path: 'contactEmail' });
  }
  if (input.redirectUris.length === 0)
    problems.push({ code: 'SETTING_REQUIRED', path: 'redirectUris' });
  input.redirectUris.forEach((uri, index) => {
    if (!isAllowedRedirectUri(uri, config().production)) {
      problems.push({ code: 'PARTNER_APP_REDIRECT_URI_INVALID', path: `redirectUris[${index}]` });
    }
  });
  if (input.scopes.length === 0) problems.push({ code: 'SETTING_REQUIRED', path: 'scopes' });
  if (input.scopes.some((scope) => !(residentAppScopes as readonly string[]).includes(scope))) {
    problems.push({ code: 'PARTNER_APP_SCOPE_UNKNOWN', path: 'scopes' });
  }
  return problems;
}

const auditView = (app: PartnerApp) => ({
  name: app.name,
  owner: app.owner,
  redirectUris: app.redirectUris,
  scopes: app.scopes,
  kind: app.kind,
  disabled: app.disabled,
});

/** The platform admin's registration of apps acting for residents (back office). */
export class PartnerAppService {
  constructor(
    private readonly em: EntityManager,
    private readonly actor: Actor,
  ) {}

  all(): Promise<PartnerApp[]> {
    return this.em.find(PartnerApp, {}, { orderBy: { name: 'asc' } });
  }

  async register(
    input: RegisterPartnerAppInput,
  ): Promise<{ app: PartnerApp; clientSecret: string | null }> {
    refuseProblems(problemsOf(input));
    const clientSecret =
      input.kind === 'confidential' ? randomBytes(32).toString('base64url') : null;
    const app = this.em.create(PartnerApp, {
      clientId: `app_${randomBytes(12).toString('base64url')}`,
      name: input.name.trim(),
      owner: input.owner.trim(),
      contactEmail: input.contactEmail.trim().toLowerCase(),
      redirectUris: [...new Set(input.redirectUris)],
      scopes: residentAppScopes.filter((scope) => input.scopes.includes(scope)),
      kind: input.kind,
      secretHash: clientSecret ? createHash('sha256').update(clientSecret).digest('hex') : null,
      createdAt: this.actor.now,
    });
    recordChange(this.em, this.actor, {
      action: 'partnerApp.register',
      subjectType: 'partnerApp',
      subjectId: app.id,
      subjectLabel: app.name,
      municipalityId: null,
      before: null,
      after: auditView(app),
    });
    await this.em.flush();
    return { app, clientSecret };
  }

  /** A disabled app cannot connect; the tokens it holds stop at their next use. */
  async setDisabled(id: string, disabled: boolean): Promise<PartnerApp> {
    const app = await this.em.findOne(PartnerApp, { id });
    if (!app) throw new AppError('NOT_FOUND');
    const before = auditView(app);
    app.disabled = disabled;
    recordChange(this.em, this.actor, {
      action: disabled ? 'partnerApp.disable' : 'partnerApp.enable',
      subjectType: 'partnerApp',
      subjectId: app.id,
      subjectLabel: app.name,
      municipalityId: null,
      before,
      after: auditView(app),
    });
    await this.em.flush();
    return app;
  }
}
