import type { EntityManager } from '@mikro-orm/core';
import { config } from '../../../config/config.js';
import { IdentityProvider, identityKinds } from '../../../model/identity-provider.entity.js';
import type { Municipality } from '../../../model/municipality.entity.js';
import { defaultClaims, defaultMinimum, defaultScopes } from '../identity-provider.service.js';
import { demoBrokerClient, testBrokerPath } from './test-broker-settings.js';

/**
 * Demo mode: the demo towns log in with DigiD and eHerkenning at the Test-DigiD /
 * Test-eHerkenning broker this process serves. Without it (IDENTITY_TEST_BROKER off) nothing.
 */
export function seedDemoIdentityProviders(em: EntityManager, towns: readonly Municipality[]): void {
  const settings = config();
  if (!settings.IDENTITY_TEST_BROKER) return;
  for (const municipality of towns) {
    for (const kind of identityKinds) {
      em.create(IdentityProvider, {
        municipality,
        kind,
        issuer: `${settings.PUBLIC_URL}${testBrokerPath}`,
        clientId: demoBrokerClient.clientId,
        clientSecret: demoBrokerClient.clientSecret,
        scopes: defaultScopes[kind],
        claims: defaultClaims[kind],
        minimumAssurance: defaultMinimum[kind],
      });
    }
  }
}
