import { formatPlate } from '@parkeer/domain/plate/plate';
import type { CareRequest } from '../../model/care-request.entity.js';
import type { FineWaiver } from '../../model/fine-waiver.entity.js';
import type { HolderRequestsView } from './holder-request.service.js';
import {
  CareCounted,
  CareScheme,
  OwnCareRequestDto,
  OwnFineWaiverDto,
  PermitRequests,
  WaiverScheme,
} from './holder-request.types.js';

/** What the holder sees of a waiver request: not who in the town recorded or decided it. */
export const toOwnFineWaiver = (waiver: FineWaiver): OwnFineWaiverDto =>
  Object.assign(new OwnFineWaiverDto(), {
    id: waiver.id,
    permitId: waiver.permit.id,
    fineReference: waiver.fineReference,
    fineDate: waiver.fineDate,
    plate: waiver.plate ? formatPlate(waiver.plate) : null,
    reason: waiver.holderReason ?? null,
    status: waiver.status,
    requestedAt: waiver.requestedAt,
    decisionReason: waiver.decisionReason ?? null,
    decidedAt: waiver.decidedAt ?? null,
  });

export const toOwnCareRequest = (request: CareRequest): OwnCareRequestDto =>
  Object.assign(new OwnCareRequestDto(), {
    id: request.id,
    permitId: request.permit.id,
    minutes: request.minutes,
    carerStatement: request.carerStatement,
    status: request.status,
    requestedAt: request.requestedAt,
    decisionReason: request.decisionReason ?? null,
    decidedAt: request.decidedAt ?? null,
  });

export const toPermitRequests = (view: HolderRequestsView): PermitRequests =>
  Object.assign(new PermitRequests(), {
    permitId: view.permit.id,
    timeZone: view.permit.municipality.timeZone,
    waiver: view.waiverPolicy && Object.assign(new WaiverScheme(), view.waiverPolicy),
    care:
      view.care &&
      Object.assign(new CareScheme(), {
        period: view.care.period,
        limitMinutes: view.care.room.limit,
        permitStart: view.care.permitStart,
        counted: view.care.counted.map((item) => Object.assign(new CareCounted(), item)),
        remainingMinutes: view.care.room.remaining,
        nextPeriodStart: view.care.room.nextPeriodStart,
      }),
    fineWaivers: view.waivers.map(toOwnFineWaiver),
    careRequests: view.careRequests.map(toOwnCareRequest),
  });
