import { config, type Config } from '../../config/config.js';
import { MollieProvider } from './mollie-provider.js';
import type { PaymentProvider } from './payment-provider.js';
import { SimulatedIdealProvider } from './simulated-ideal-provider.js';

let built: { readonly for: Config; readonly providers: readonly PaymentProvider[] } | undefined;

/**
 * The one provider the configuration names (`PAYMENT_PROVIDER`): Mollie, or the simulated bank
 * in development and demo mode (config() refuses it anywhere else), or none. The simulated bank
 * is never there beside Mollie, so its self-signed webhook cannot credit a thing in production.
 */
export function configuredProviders(): readonly PaymentProvider[] {
  const current = config();
  // Built again when tests reload the configuration.
  if (built?.for !== current) {
    const providers =
      current.PAYMENT_PROVIDER === 'mollie'
        ? [new MollieProvider()]
        : current.PAYMENT_PROVIDER === 'simulated'
          ? [new SimulatedIdealProvider()]
          : [];
    built = { for: current, providers };
  }
  return built.providers;
}

/** The provider new top-ups are paid with; null when none is configured (payments are off). */
export function checkoutProvider(): PaymentProvider | null {
  return configuredProviders()[0] ?? null;
}

export function providerNamed(name: string): PaymentProvider | undefined {
  return configuredProviders().find((provider) => provider.name === name);
}

export function providerForWebhook(slug: string): PaymentProvider | undefined {
  return configuredProviders().find((provider) => provider.webhookSlug === slug);
}

/** The simulated bank when it is the configured provider (its pages are served only then). */
export function simulatedBank(): SimulatedIdealProvider | undefined {
  return configuredProviders().find(
    (provider): provider is SimulatedIdealProvider => provider instanceof SimulatedIdealProvider,
  );
}
