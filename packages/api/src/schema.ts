import { PartnerKeyResolver } from './modules/partner-key/partner-key.resolver.js';
import { QuotaResolver } from './modules/quota/quota.resolver.js';
import { QuotaOfferResolver } from './modules/quota-offer/quota-offer.resolver.js';
import type { GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { FineWaiverCheckResolver } from './modules/request/fine-waiver-check.resolver.js';
import { AboutResolver } from './modules/about/about.resolver.js';
import { AccountResolver } from './modules/account/account.resolver.js';
import { AdminPermitResolver } from './modules/admin-permit/admin-permit.resolver.js';
import { AuditResolver } from './modules/audit/audit.resolver.js';
import { AddressResolver } from './modules/address/address.resolver.js';
import { ZoneShapeResolver } from './modules/address/zone-shape.resolver.js';
import { AddressImportResolver } from './modules/address-import/address-import.resolver.js';
import { AuthResolver } from './modules/auth/auth.resolver.js';
import { DeskResolver } from './modules/desk/desk.resolver.js';
import { AdminPaymentsResolver } from './modules/payment/admin-payments.resolver.js';
import { PaymentResolver } from './modules/payment/payment.resolver.js';
import { TopUpResolver } from './modules/top-up/top-up.resolver.js';
import { PasswordResetResolver } from './modules/auth/password-reset.resolver.js';
import { CounterReviewResolver } from './modules/counter-review/counter-review.resolver.js';
import { CouplingResolver } from './modules/coupling/coupling.resolver.js';
import { BusinessResolver } from './modules/business/business.resolver.js';
import { CounterResolver } from './modules/counter/counter.resolver.js';
import { MoveResolver } from './modules/moving/move.resolver.js';
import { DelegationResolver } from './modules/delegation/delegation.resolver.js';
import { EnforcementResolver } from './modules/enforcement/enforcement.resolver.js';
import { FavoriteResolver } from './modules/favorite/favorite.resolver.js';
import { HistoryResolver } from './modules/history/history.resolver.js';
import { LiveResolver } from './modules/live/live.resolver.js';
import { MunicipalityAdminResolver } from './modules/municipality/municipality-admin.resolver.js';
import { OversightResolver } from './modules/oversight/oversight.resolver.js';
import { PlateResolver } from './modules/plate/plate.resolver.js';
import { ProductResolver } from './modules/product/product.resolver.js';
import { ProductAdminResolver } from './modules/product/product-admin.resolver.js';
import { RequestResolver } from './modules/request/request.resolver.js';
import { HolderRequestResolver } from './modules/request/holder-request.resolver.js';
import { SessionResolver } from './modules/session/session.resolver.js';
import { ZoneAdminResolver } from './modules/zone/zone-admin.resolver.js';
import { WorkQueueAdminResolver } from './modules/work-queue/work-queue-admin.resolver.js';
import { WebhookResolver } from './modules/webhook/webhook.resolver.js';
import { LetterResolver } from './modules/letter/letter.resolver.js';
import { IdentityResolver } from './modules/identity/identity.resolver.js';
import { FlexResolver } from './modules/flex/flex.resolver.js';
import { RegistrationResolver } from './modules/registration/registration.resolver.js';
import { AppAccessResolver } from './modules/oauth/app-access.resolver.js';
import { authChecker } from './graphql/auth-checker.js';
import { BoundedDateTimeISO } from './graphql/date-time-scalar.js';
import { withUuidIds } from './graphql/id-scalar.js';
import { withPermitOnlyGate } from './graphql/permit-only-gate.js';
import { withScopeGate } from './graphql/scope-gate.js';
import { topicsNotSupported } from './graphql/pubsub.js';

/** Builds the executable schema. Needs `reflect-metadata` loaded first (the entry or test setup). */
export async function createSchema(): Promise<GraphQLSchema> {
  const schema = await buildSchema({
    // Every feature's resolver classes; a new module adds its resolver here.
    resolvers: [
      AboutResolver,
      AuthResolver,
      AccountResolver,
      PasswordResetResolver,
      CouplingResolver,
      EnforcementResolver,
      FavoriteResolver,
      PlateResolver,
      HistoryResolver,
      SessionResolver,
      ProductResolver,
      DelegationResolver,
      PaymentResolver,
      TopUpResolver,
      LiveResolver,
      OversightResolver,
      AuditResolver,
      AddressResolver,
      ZoneShapeResolver,
      AddressImportResolver,
      PartnerKeyResolver,
      AdminPermitResolver,
      ZoneAdminResolver,
      ProductAdminResolver,
      MunicipalityAdminResolver,
      RequestResolver,
      FineWaiverCheckResolver,
      HolderRequestResolver,
      AdminPaymentsResolver,
      WorkQueueAdminResolver,
      WebhookResolver,
      LetterResolver,
      IdentityResolver,
      CounterResolver,
      CounterReviewResolver,
      BusinessResolver,
      FlexResolver,
      QuotaResolver,
      QuotaOfferResolver,
      MoveResolver,
      DeskResolver,
      RegistrationResolver,
      AppAccessResolver,
    ],
    pubSub: topicsNotSupported,
    authChecker,
    // Every type-graphql argument is checked by GraphQL itself; ours by the domain and services.
    // Input validation is the domain's job (reason codes), not class-validator's.
    validate: false,
    // Dates and ids are checked as they are read, for every argument at once (see the scalars).
    scalarsMap: [{ type: Date, scalar: BoundedDateTimeISO }],
  });
  return withRootDescriptions(withScopeGate(withPermitOnlyGate(withUuidIds(schema))));
}

/** The root types have no class to carry a description (docs/graphql.md, Descriptions). */
function withRootDescriptions(schema: GraphQLSchema): GraphQLSchema {
  const roots = {
    Query:
      'Everything that can be read. Who may call each field is in its description and docs/graphql.md.',
    Mutation:
      'Everything that changes something. A refusal by the rules is a result (docs/graphql.md, Refusals are results, not errors); a call that should not have been made is an error with extensions.code.',
    Subscription: 'Live events over graphql-ws on /graphql (docs/graphql.md, Subscriptions).',
  };
  for (const type of [
    schema.getQueryType(),
    schema.getMutationType(),
    schema.getSubscriptionType(),
  ]) {
    if (type) type.description = roots[type.name as keyof typeof roots];
  }
  return schema;
}
