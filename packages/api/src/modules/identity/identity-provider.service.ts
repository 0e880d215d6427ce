import type { EntityManager } from '@mikro-orm/core';
import { config } from '../../config/config.js';
import { refuseProblems, type InputProblem } from '../../graphql/app-error.js';
import { adminTown, type Actor } from '../admin/admin-scope.js';
import { recordChange } from '../audit/audit-log.js';
import { Municipality } from '../../model/municipality.entity.js';
import {
  IdentityProvider,
  identityKinds,
  type IdentityClaimNames,
  type IdentityKind,
} from '../../model/identity-provider.entity.js';
import { minimumChoices } from './assurance.js';
import type { IdentityProviderInput } from './identity.types.js';

/** What a town starts from: the claim names of common brokers (Open Formulieren's defaults). */
export const defaultClaims: Record<IdentityKind, IdentityClaimNames> = {
  digid: {
    identifier: 'bsn',
    name: 'name',
    representedBsn: 'machtiging.bsn',
    representedKvk: null,
    representedName: 'machtiging.name',
    assurance: 'acr',
  },
  eherkenning: {
    identifier: 'kvk',
    name: 'company_name',
    representedBsn: 'bewindvoering.bsn',
    representedKvk: 'vertegenwoordigde.kvk',
    representedName: 'vertegenwoordigde.name',
    assurance: 'acr',
  },
};

export const defaultScopes: Record<IdentityKind, string> = {
  digid: 'openid bsn',
  eherkenning: 'openid kvk',
};

export const defaultMinimum: Record<IdentityKind, string> = {
  digid: 'midden',
  eherkenning: 'urn:etoegang:core:assurance-class:loa2',
};

/** Where the broker sends the browser back to: register this at the broker. */
export function redirectUriOf(townCode: string, kind: IdentityKind): string {
  return `${config().PUBLIC_URL}${startPathOf(townCode, kind)}/callback`;
}

export function startPathOf(townCode: string, kind: IdentityKind): string {
  return `/auth/oidc/${encodeURIComponent(townCode)}/${kind}`;
}

const claimName = /^[A-Za-z0-9_:\-/]+(\.[A-Za-z0-9_:\-/]+)*$/;
const scopePattern = /^[\x21\x23-\x5b\x5d-\x7e]+$/;

function issuerProblem(value: string): InputProblem | null {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return { code: 'SETTING_INVALID_CHOICE', path: 'issuer' };
  }
  // Plain http only for a broker on this machine outside production (the tests' and the demo's).
  const loopback = ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
  const allowed =
    url.protocol === 'https:' || (url.protocol === 'http:' && loopback && !config().production);
  return allowed && !url.search && !url.hash
    ? null
    : { code: 'SETTING_INVALID_CHOICE', path: 'issuer' };
}

function text(
  problems: InputProblem[],
  path: string,
  value: string | null | undefined,
  max: number,
  required: boolean,
): string | null {
  const trimmed = value?.trim() ?? '';
  if (!trimmed) {
    if (required) problems.push({ code: 'SETTING_REQUIRED', path });
    return null;
  }
  if (trimmed.length > max) {
    problems.push({ code: 'SETTING_TOO_LONG', path, params: { max } });
    return null;
  }
  return trimmed;
}

function claimsFrom(
  input: IdentityProviderInput['claims'],
  kind: IdentityKind,
  problems: InputProblem[],
): IdentityClaimNames {
  const claim = (key: keyof IdentityClaimNames, required: boolean) => {
    const value = text(problems, `claims.${key}`, input[key], 100, required);
    if (value !== null && !claimName.test(value)) {
      problems.push({ code: 'SETTING_INVALID_CHOICE', path: `claims.${key}` });
    }
    return value;
  };
  return {
    identifier: claim('identifier', true) ?? '',
    name: claim('name', false),
    representedBsn: claim('representedBsn', false),
    // Only a company represents another company.
    representedKvk: kind === 'eherkenning' ? claim('representedKvk', false) : null,
    representedName: claim('representedName', false),
    assurance: claim('assurance', true) ?? '',
  };
}

/** What the audit log keeps of a provider: everything but the secret. */
function audited(provider: IdentityProvider) {
  return {
    enabled: provider.enabled,
    issuer: provider.issuer,
    clientId: provider.clientId,
    scopes: provider.scopes,
    claims: provider.claims,
    minimumAssurance: provider.minimumAssurance,
  };
}

/** A town's DigiD and eHerkenning brokers: its admin reads and sets them. */
export class IdentityProviderService {
  constructor(
    private readonly em: EntityManager,
    private readonly actor: Actor,
  ) {}

  /** Both kinds, configured or not (then with the defaults), in a fixed order. */
  async ownProviders(): Promise<{
    town: Municipality;
    providers: Map<IdentityKind, IdentityProvider>;
  }> {
    const town = await this.em.findOneOrFail(Municipality, { id: adminTown(this.actor) });
    const found = await this.em.find(
      IdentityProvider,
      { municipality: town },
      { populate: ['clientSecret'] },
    );
    return { town, providers: new Map(found.map((p) => [p.kind, p])) };
  }

  async set(
    input: IdentityProviderInput,
  ): Promise<{ town: Municipality; provider: IdentityProvider }> {
    const { town, providers } = await this.ownProviders();
    const kind = input.kind;
    const existing = providers.get(kind) ?? null;
    const problems: InputProblem[] = [];
    if (!identityKinds.includes(kind))
      problems.push({ code: 'SETTING_INVALID_CHOICE', path: 'kind' });
    const issuer = text(problems, 'issuer', input.issuer, 500, true);
    if (issuer !== null) {
      const problem = issuerProblem(issuer);
      if (problem) problems.push(problem);
    }
    const clientId = text(problems, 'clientId', input.clientId, 200, true);
    const clientSecret = text(problems, 'clientSecret', input.clientSecret, 500, existing === null);
    const scopes = text(problems, 'scopes', input.scopes, 500, true);
    const scopeList = scopes?.split(/\s+/) ?? [];
    if (
      scopes !== null &&
      (!scopeList.includes('openid') || !scopeList.every((s) => scopePattern.test(s)))
    ) {
      problems.push({ code: 'SETTING_INVALID_CHOICE', path: 'scopes' });
    }
    const claims = claimsFrom(input.claims, kind, problems);
    if (!(minimumChoices[kind] ?? []).includes(input.minimumAssurance)) {
      // eHerkenning below EH2 is refused here: docs/rules.md §6.
      problems.push({ code: 'SETTING_INVALID_CHOICE', path: 'minimumAssurance' });
    }
    refuseProblems(problems);

    const before = existing ? audited(existing) : null;
    const provider =
      existing ??
      this.em.create(IdentityProvider, {
        municipality: town,
        kind,
        issuer: issuer!,
        clientId: clientId!,
        clientSecret: clientSecret!,
        scopes: scopeList.join(' '),
        claims,
        minimumAssurance: input.minimumAssurance,
      });
    provider.enabled = input.enabled;
    provider.issuer = issuer!.replace(/\/+$/, '');
    provider.clientId = clientId!;
    if (clientSecret !== null) provider.clientSecret = clientSecret;
    provider.scopes = scopeList.join(' ');
    provider.claims = claims;
    provider.minimumAssurance = input.minimumAssurance;
    provider.updatedAt = this.actor.now;
    const after = audited(provider);
    recordChange(this.em, this.actor, {
      action: existing ? 'identityProvider.update' : 'identityProvider.create',
      subjectType: 'identityProvider',
      subjectId: provider.id,
      subjectLabel: `${town.code} ${kind}`,
      municipalityId: town.id,
      // A new secret is a change the log must show, without showing the secret.
      before: before && { ...before, clientSecret: 'stored' },
      after: { ...after, clientSecret: clientSecret !== null && existing ? 'replaced' : 'stored' },
    });
    await this.em.flush();
    return { town, provider };
  }
}

/** The sign-in methods towns offer, for the login page: enabled providers only. */
export async function offeredSignIns(
  em: EntityManager,
  townCode: string | null,
): Promise<{ town: Municipality; kind: IdentityKind }[]> {
  const providers = await em.find(
    IdentityProvider,
    { enabled: true, ...(townCode ? { municipality: { code: townCode } } : {}) },
    { populate: ['municipality'], orderBy: { municipality: { name: 'asc' }, kind: 'asc' } },
  );
  return providers.map((p) => ({ town: p.municipality, kind: p.kind }));
}
