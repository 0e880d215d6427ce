import type { Payment } from '../../model/payment.entity.js';
import type { PaymentView } from './payment.service.js';
import { PaymentDto, PaymentRefundDto } from './payment.types.js';

function toRefundDto(payment: Payment): PaymentRefundDto | null {
  if (payment.status !== 'refunded' || !payment.refundReason) return null;
  return Object.assign(new PaymentRefundDto(), {
    reason: payment.refundReason,
    status: payment.refundRef ? 'sent' : 'pending',
    amountCents: payment.totalCents,
    requestedAt: payment.completedAt ?? payment.createdAt,
    refundedAt: payment.refundedAt ?? null,
    providerRef: payment.refundRef ?? null,
  });
}

export function toPaymentDto({ payment, unit, balanceAfter }: PaymentView): PaymentDto {
  return Object.assign(new PaymentDto(), {
    id: payment.id,
    permitId: payment.permit!.id,
    status: payment.status,
    amount: payment.amount,
    unit,
    priceCents: payment.priceCents,
    feeCents: payment.feeCents,
    totalCents: payment.totalCents,
    createdAt: payment.createdAt,
    completedAt: payment.completedAt ?? null,
    balanceAfter,
    refund: toRefundDto(payment),
  });
}
