import type { EntityManager } from '@mikro-orm/core';
import {
  decideWaiverRequest,
  goodwillWaiverPolicy,
} from '@parkeer/domain/eligibility/goodwill-waiver';
import type { Language } from '@parkeer/shared/language';
import { AppError } from '../../graphql/app-error.js';
import { FineWaiver } from '../../model/fine-waiver.entity.js';
import { displayParams } from '../top-up/top-up-message.js';

export interface WaiverAsked {
  readonly permitId: string;
  readonly fineDate: string;
  readonly requestedAt: Date;
  readonly timeZone: string;
  readonly language: Language;
}

/**
 * Refuses a waiver request the scheme does not allow (docs/rules.md §9), counting the permit's
 * earlier requests. Call it with the permit locked, so two requests filed at once count each
 * other, whoever files them (the holder in the app or an official at the counter).
 */
export async function checkWaiverAllowed(tx: EntityManager, asked: WaiverAsked): Promise<void> {
  const previous = await tx.find(
    FineWaiver,
    { permit: asked.permitId },
    { fields: ['fineDate', 'status'] },
  );
  const decision = decideWaiverRequest({
    fineDate: asked.fineDate,
    requestedAt: asked.requestedAt,
    timeZone: asked.timeZone,
    previousWaivers: previous.map((w) => ({ fineDate: w.fineDate, status: w.status })),
    policy: goodwillWaiverPolicy,
  });
  if (!decision.ok) {
    throw new AppError(decision.reason, displayParams(decision.params ?? {}, asked.language));
  }
}
