import type { Municipality } from '../../model/municipality.entity.js';
import type { IdentityKind, IdentityProvider } from '../../model/identity-provider.entity.js';
import { minimumChoices } from './assurance.js';
import {
  defaultClaims,
  defaultMinimum,
  defaultScopes,
  redirectUriOf,
  startPathOf,
} from './identity-provider.service.js';
import { IdentityClaimNames, IdentityProviderSettings, SignInOption } from './identity.types.js';

/** A town's provider of a kind as its admin sees it; never the client secret. */
export function toProviderSettings(
  town: Municipality,
  kind: IdentityKind,
  provider: IdentityProvider | null,
): IdentityProviderSettings {
  return Object.assign(new IdentityProviderSettings(), {
    kind,
    configured: provider !== null,
    enabled: provider?.enabled ?? false,
    issuer: provider?.issuer ?? '',
    clientId: provider?.clientId ?? '',
    hasClientSecret: Boolean(provider?.clientSecret),
    scopes: provider?.scopes ?? defaultScopes[kind],
    claims: Object.assign(new IdentityClaimNames(), provider?.claims ?? defaultClaims[kind]),
    minimumAssurance: provider?.minimumAssurance ?? defaultMinimum[kind],
    minimumChoices: [...minimumChoices[kind]],
    redirectUri: redirectUriOf(town.code, kind),
  });
}

export function toSignInOption(town: Municipality, kind: IdentityKind): SignInOption {
  return Object.assign(new SignInOption(), {
    municipalityCode: town.code,
    municipalityName: town.name,
    kind,
    startPath: startPathOf(town.code, kind),
  });
}
