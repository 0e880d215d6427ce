import { BaseEntity } from './base.entity.js';
import { AuditEntry } from './audit-entry.entity.js';
import { CareGrant } from './care-grant.entity.js';
import { CareRequest } from './care-request.entity.js';
import { FineWaiver } from './fine-waiver.entity.js';
import { OutageCompensation } from './outage-compensation.entity.js';
import { ScheduledJob } from './scheduled-job.entity.js';
import { Account } from './account.entity.js';
import { AuthSession } from './auth-session.entity.js';
import { EmailToken } from './email-token.entity.js';
import { Delegation } from './delegation.entity.js';
import { EnforcementTown } from './enforcement-town.entity.js';
import { RightCheckLog } from './right-check-log.entity.js';
import { Favorite } from './favorite.entity.js';
import { FlexPlate } from './flex-plate.entity.js';
import { MailOutbox } from './mail-outbox.entity.js';
import { Payment } from './payment.entity.js';
import { RateLimitCounter } from './rate-limit-counter.entity.js';
import { LedgerEntry } from './ledger-entry.entity.js';
import { Municipality } from './municipality.entity.js';
import { PermitPlate } from './permit-plate.entity.js';
import { Permit } from './permit.entity.js';
import { ProductType } from './product-type.entity.js';
import { ProductTypeZone } from './product-type-zone.entity.js';
import { Tariff } from './tariff.entity.js';
import { ParkingSession } from './parking-session.entity.js';
import { Zone } from './zone.entity.js';
import { IdempotencyClaim } from './idempotency-claim.entity.js';
import { Address } from './address.entity.js';
import { AddressImport } from './address-import.entity.js';
import { PermitApplication } from './permit-application.entity.js';
import { PermitDocument } from './permit-document.entity.js';
import { IdentityProvider } from './identity-provider.entity.js';
import { IdentityLink } from './identity-link.entity.js';
import { IdentityLogin } from './identity-login.entity.js';
import { ZoneQuota } from './zone-quota.entity.js';
import { PhoneCall } from './phone-call.entity.js';
import { DeskGrant } from './desk-grant.entity.js';
import { PartnerKey } from './partner-key.entity.js';
import { PartnerKeyUsage } from './partner-key-usage.entity.js';
import { PartnerApp } from './partner-app.entity.js';
import { WebhookDelivery } from './webhook-delivery.entity.js';
import { WebhookSubscription } from './webhook-subscription.entity.js';
import { OAuthRecord } from './oauth-record.entity.js';

/** Every entity, as classes: discovery by folder glob does not work under Vitest. */
export const entities = [
  BaseEntity,
  Municipality,
  Zone,
  ProductType,
  ProductTypeZone,
  Tariff,
  Account,
  AuthSession,
  Permit,
  PermitPlate,
  ParkingSession,
  LedgerEntry,
  Favorite,
  FlexPlate,
  Delegation,
  Payment,
  EmailToken,
  MailOutbox,
  RightCheckLog,
  RateLimitCounter,
  ScheduledJob,
  AuditEntry,
  CareGrant,
  CareRequest,
  FineWaiver,
  OutageCompensation,
  EnforcementTown,
  IdempotencyClaim,
  Address,
  AddressImport,
  PermitApplication,
  PermitDocument,
  IdentityProvider,
  IdentityLink,
  IdentityLogin,
  ZoneQuota,
  PhoneCall,
  DeskGrant,
  PartnerKey,
  PartnerKeyUsage,
  PartnerApp,
  WebhookSubscription,
  WebhookDelivery,
  OAuthRecord,
];
