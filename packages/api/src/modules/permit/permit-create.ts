import { randomInt } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/core';
import { pinProblem } from '@parkeer/domain/pin/pin-rules';
import type { HolderType } from '@parkeer/shared/holder-type';
import { hashSecret } from '../auth/password-hash.js';
import { Account } from '../../model/account.entity.js';
import { Municipality } from '../../model/municipality.entity.js';
import { PermitPlate } from '../../model/permit-plate.entity.js';
import { Permit } from '../../model/permit.entity.js';
import type { ProductType } from '../../model/product-type.entity.js';
import type { Zone } from '../../model/zone.entity.js';

/**
 * A product code as on the allocation letters: PK and eight digits. The seed's are PK and six,
 * so the two never meet; a clash with an earlier permit is drawn again.
 */
async function freshProductCode(tx: EntityManager): Promise<string> {
  for (;;) {
    const code = `PK${String(randomInt(0, 100_000_000)).padStart(8, '0')}`;
    if ((await tx.count(Permit, { productCode: code })) === 0) return code;
  }
}

/**
 * Four digits, as the letters have, drawn again while the PIN rules would refuse them as too
 * simple (docs/rules.md §6, "Changing the PIN"); only its hash is stored.
 */
export function freshPin(): string {
  for (;;) {
    const pin = String(randomInt(0, 10_000)).padStart(4, '0');
    if (!pinProblem(pin)) return pin;
  }
}

export interface NewPermit {
  readonly municipalityId: string;
  readonly productType: ProductType;
  readonly zone: Zone;
  /** Null until the holder couples it (an official's issue); the applicant at the counter. */
  readonly holderId: string | null;
  readonly holderType: HolderType;
  readonly addressKey: string;
  readonly addressLabel: string;
  readonly validFrom: Date;
  readonly validUntil: Date | null;
  /** Normalised, the first one active. */
  readonly plates?: ReadonlyArray<{ readonly plate: string; readonly country: string }>;
  readonly at: Date;
}

export interface CreatedPermit {
  readonly permit: Permit;
  readonly productCode: string;
  /** Printed on the letter, never stored: only its hash is. */
  readonly pin: string;
}

/**
 * Makes a permit in the caller's transaction, as both the back office's issue and the permit
 * counter's grant do: a fresh product code and PIN, the address's one place for a
 * one-per-address product (the database refuses a second, docs/rules.md §2) and its plates
 * with the first one active. Flushed by the caller.
 */
export async function createPermit(tx: EntityManager, fields: NewPermit): Promise<CreatedPermit> {
  const pin = freshPin();
  const pinHash = await hashSecret(pin);
  const productCode = await freshProductCode(tx);
  const permit = tx.create(Permit, {
    municipality: tx.getReference(Municipality, fields.municipalityId),
    productType: fields.productType,
    zone: fields.zone,
    holder: fields.holderId ? tx.getReference(Account, fields.holderId) : null,
    holderType: fields.holderType,
    addressKey: fields.addressKey,
    addressLabel: fields.addressLabel,
    validFrom: fields.validFrom,
    validUntil: fields.validUntil,
    productCode,
    pinHash,
    addressSlot: fields.productType.onePerAddress ? fields.addressKey : null,
    createdAt: fields.at,
  });
  (fields.plates ?? []).forEach((plate, index) => {
    tx.create(PermitPlate, {
      permit,
      plate: plate.plate,
      country: plate.country,
      activeSlot: index === 0 ? permit.id : null,
    });
  });
  return { permit, productCode, pin };
}
