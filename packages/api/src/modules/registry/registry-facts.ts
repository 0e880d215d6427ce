import type { EntityManager } from '@mikro-orm/core';
import type { HolderType } from '@parkeer/shared/holder-type';
import type { ErrorCode, MessageParams } from '@parkeer/shared/messages/error-catalogue';
import type { Viewer } from '../../graphql/viewer.js';
import type { Address } from '../../model/address.entity.js';
import type { ProductType } from '../../model/product-type.entity.js';
import type { RegistryName } from './registry-names.js';

/**
 * The types of the counter's questions to the registries (docs/architecture.md §Registries):
 * here, below both the counter and each registry's module, so neither imports the other's.
 */

/** One rule a registry's answer refuses (the counter's `RuleRefusal`). */
export interface FactRefusal {
  readonly rule: ErrorCode;
  readonly params: MessageParams | null;
}

/** What the counter asks the registries about one application. */
export interface FactsQuestion {
  readonly em: EntityManager;
  readonly viewer: Viewer;
  /** Whose permit it would be (the holder's kind, not the actor's). */
  readonly holderType: HolderType;
  /** The address applied for, with its zone and town. */
  readonly address: Address;
  readonly productType: ProductType;
  /** Normalised plates with their country. */
  readonly plates: ReadonlyArray<{ readonly plate: string; readonly country: string }>;
  /** A business's establishment (KvK vestigingsnummer) as it picked it; null when not given. */
  readonly establishmentNumber?: string | null;
  readonly now: Date;
}

/** What the registries' answers mean for one application. */
export interface RegistryFacts {
  /** Rules the registries' answers refuse, each named. */
  readonly refusals: readonly FactRefusal[];
  /** Registries that could not answer: an official decides instead (never a yes by default). */
  readonly unanswered: readonly RegistryName[];
  /** From the address registry where the town asks: a parking space on the premises. */
  readonly hasPrivateParking: boolean;
  /** The business's establishment at the address, as the business registry (KvK) knows it. */
  readonly establishmentNumber: string | null;
}

/** One registry's part of the facts; the parts are merged. */
export type RegistryFactsPart = Partial<RegistryFacts>;
