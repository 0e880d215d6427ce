import type { PaymentView } from './payment.service.js';
import { PaymentDto } from './payment.types.js';

export function toPaymentDto({ payment, unit, balanceAfter }: PaymentView): PaymentDto {
  return Object.assign(new PaymentDto(), {
    id: payment.id,
    permitId: payment.permit.id,
    status: payment.status,
    amount: payment.amount,
    unit,
    priceCents: payment.priceCents,
    feeCents: payment.feeCents,
    totalCents: payment.totalCents,
    createdAt: payment.createdAt,
    completedAt: payment.completedAt ?? null,
    balanceAfter,
  });
}
