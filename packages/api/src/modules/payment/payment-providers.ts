import type { PaymentProvider } from './payment-provider.js';
import { SimulatedIdealProvider } from './simulated-ideal-provider.js';

const providers: readonly PaymentProvider[] = [new SimulatedIdealProvider()];

/** The provider new top-ups are paid with. */
export function checkoutProvider(): PaymentProvider {
  return providers[0]!;
}

export function providerNamed(name: string): PaymentProvider | undefined {
  return providers.find((provider) => provider.name === name);
}

export function providerForWebhook(slug: string): PaymentProvider | undefined {
  return providers.find((provider) => provider.webhookSlug === slug);
}
