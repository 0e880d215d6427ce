import { formatPlate } from '@parkeer/domain/plate/plate';
import { accountLabel } from '../../model/account.entity.js';
import type { CareGrant } from '../../model/care-grant.entity.js';
import type { CareRequest } from '../../model/care-request.entity.js';
import type { FineWaiver } from '../../model/fine-waiver.entity.js';
import type { OutageCompensation } from '../../model/outage-compensation.entity.js';
import {
  CareGrantDto,
  CareHoursRequestDto,
  FineWaiverDto,
  OutageCompensationDto,
} from './request.types.js';

const shownPlate = (plate: string | null | undefined) => (plate ? formatPlate(plate) : null);

/** Entities as the back office reads them; the accounts involved are loaded. */
export const toCareGrant = (grant: CareGrant): CareGrantDto =>
  Object.assign(new CareGrantDto(), {
    id: grant.id,
    permitId: grant.permit.id,
    minutes: grant.minutes,
    carerStatement: grant.carerStatement,
    grantedBy: grant.grantedBy.email,
    createdAt: grant.createdAt,
  });

/** Needs the permit loaded (product code and address). */
export const toFineWaiver = (waiver: FineWaiver): FineWaiverDto =>
  Object.assign(new FineWaiverDto(), {
    id: waiver.id,
    permitId: waiver.permit.id,
    productCode: waiver.permit.productCode,
    addressLabel: waiver.permit.addressLabel,
    fineReference: waiver.fineReference,
    fineDate: waiver.fineDate,
    status: waiver.status,
    requestedAt: waiver.requestedAt,
    recordedBy: waiver.recordedBy.email,
    filedByHolder: waiver.filedByHolder,
    plate: shownPlate(waiver.plate),
    holderReason: waiver.holderReason ?? null,
    decisionReason: waiver.decisionReason ?? null,
    decidedBy: waiver.decidedBy?.email ?? null,
    decidedAt: waiver.decidedAt ?? null,
    fineCheckId: waiver.fineCheck?.id ?? null,
  });

export const toOutageCompensation = (compensation: OutageCompensation): OutageCompensationDto =>
  Object.assign(new OutageCompensationDto(), {
    id: compensation.id,
    zoneId: compensation.zone.id,
    zoneCode: compensation.zone.code,
    windowStart: compensation.windowStart,
    windowEnd: compensation.windowEnd,
    reason: compensation.reason,
    sessionsCredited: compensation.sessionsCredited,
    createdBy: compensation.createdBy.email,
    createdAt: compensation.createdAt,
  });

/** Needs the permit and the accounts loaded. */
export const toCareHoursRequest = (request: CareRequest): CareHoursRequestDto =>
  Object.assign(new CareHoursRequestDto(), {
    id: request.id,
    permitId: request.permit.id,
    productCode: request.permit.productCode,
    addressLabel: request.permit.addressLabel,
    minutes: request.minutes,
    carerStatement: request.carerStatement,
    status: request.status,
    requestedBy: accountLabel(request.requestedBy),
    requestedAt: request.requestedAt,
    decisionReason: request.decisionReason ?? null,
    decidedBy: request.decidedBy?.email ?? null,
    decidedAt: request.decidedAt ?? null,
  });
