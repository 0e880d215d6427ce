import type { Language } from '@parkeer/shared/language';
import type { StartedTopUp, TopUpOffersView } from './top-up.service.js';
import { refusalMessage } from './top-up-message.js';
import {
  StartTopUpResult,
  TopUpCapStatus,
  TopUpOffer,
  TopUpOffersResult,
  TopUpRefusal,
} from './top-up.types.js';

export function toTopUpOffersResult(view: TopUpOffersView, language: Language): TopUpOffersResult {
  const { refusal, cap } = view;
  return Object.assign(new TopUpOffersResult(), {
    permitId: view.permitId,
    unit: view.unit,
    offers: view.offers.map((offer) => Object.assign(new TopUpOffer(), { ...offer })),
    cap: cap && Object.assign(new TopUpCapStatus(), { ...cap }),
    refusal:
      refusal &&
      Object.assign(new TopUpRefusal(), {
        code: refusal.code,
        message: refusalMessage(refusal.code, refusal.params, language),
        params: refusal.params,
      }),
  });
}

export function toStartTopUpResult({ payment, checkoutUrl }: StartedTopUp): StartTopUpResult {
  return Object.assign(new StartTopUpResult(), {
    paymentId: payment.id,
    checkoutUrl,
    status: payment.status,
    totalCents: payment.totalCents,
  });
}
