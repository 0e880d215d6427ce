import { BaseEntity } from './base.entity.js';
import { AuditEntry } from '../modules/audit/audit-entry.entity.js';
import { CareGrant } from '../modules/request/care-grant.entity.js';
import { FineWaiver } from '../modules/request/fine-waiver.entity.js';
import { OutageCompensation } from '../modules/request/outage-compensation.entity.js';
import { ScheduledJob } from '../jobs/scheduled-job.entity.js';
import { Account } from '../modules/account/account.entity.js';
import { AuthSession } from '../modules/auth/auth-session.entity.js';
import { EmailToken } from '../modules/auth/email-token.entity.js';
import { Delegation } from '../modules/delegation/delegation.entity.js';
import { EnforcementTown } from '../modules/enforcement/enforcement-town.entity.js';
import { RightCheckLog } from '../modules/enforcement/right-check-log.entity.js';
import { Favorite } from '../modules/favorite/favorite.entity.js';
import { MailOutbox } from '../modules/mail/mail-outbox.entity.js';
import { Payment } from '../modules/payment/payment.entity.js';
import { RateLimitCounter } from '../modules/rate-limit/rate-limit-counter.entity.js';
import { LedgerEntry } from '../modules/ledger/ledger-entry.entity.js';
import { Municipality } from '../modules/municipality/municipality.entity.js';
import { PermitPlate } from '../modules/permit/permit-plate.entity.js';
import { Permit } from '../modules/permit/permit.entity.js';
import { ProductType } from '../modules/product/product-type.entity.js';
import { Tariff } from '../modules/product/tariff.entity.js';
import { ParkingSession } from '../modules/session/parking-session.entity.js';
import { Zone } from '../modules/zone/zone.entity.js';

/** Every entity, as classes: discovery by folder glob does not work under Vitest. */
export const entities = [
  BaseEntity,
  Municipality,
  Zone,
  ProductType,
  Tariff,
  Account,
  AuthSession,
  Permit,
  PermitPlate,
  ParkingSession,
  LedgerEntry,
  Favorite,
  Delegation,
  Payment,
  EmailToken,
  MailOutbox,
  RightCheckLog,
  RateLimitCounter,
  ScheduledJob,
  AuditEntry,
  CareGrant,
  FineWaiver,
  OutageCompensation,
  EnforcementTown,
];
