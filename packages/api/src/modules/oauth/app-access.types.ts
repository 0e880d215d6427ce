import { Field, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { residentAppScopes, type ResidentAppScope } from '../../graphql/scope-gate.js';
import { partnerAppKinds, type PartnerAppKind } from '../../model/partner-app.entity.js';

const enumOf = <T extends string>(values: readonly T[]) =>
  Object.fromEntries(values.map((v) => [v, v])) as Record<T, T>;

export const AppScopeEnum = enumOf(residentAppScopes);
registerEnumType(AppScopeEnum, {
  name: 'AppScope',
  description: 'What an app acting for a resident may do (OAuth scope).',
  valuesConfig: {
    readParking: {
      description: "See the resident's products with their balance, sessions and history.",
    },
    parkSessions: { description: "Start, change and stop sessions on the resident's products." },
    manageFavorites: { description: "See and change the resident's favourite plates." },
  },
});
export const PartnerAppKindEnum = enumOf(partnerAppKinds);
registerEnumType(PartnerAppKindEnum, {
  name: 'PartnerAppKind',
  description: 'How an app proves itself at the token endpoint.',
  valuesConfig: {
    public: { description: 'An app on a phone or in a browser: PKCE only, no secret.' },
    confidential: { description: 'A server that keeps a secret (HTTP Basic) besides PKCE.' },
  },
});

@ObjectType('AppSummary', { description: 'An app as a resident sees it.' })
export class AppSummary {
  @Field(() => ID, { description: 'The registered app.' })
  id!: string;

  @Field(() => String, { description: 'The app’s name.' })
  name!: string;

  @Field(() => String, { description: 'Who made the app.' })
  owner!: string;
}

@ObjectType('AppAuthorization', {
  description: 'What an app asks a resident to allow, on the consent page.',
})
export class AppAuthorization {
  @Field(() => String, { description: 'The authorization’s interaction id.' })
  uid!: string;

  @Field(() => AppSummary, { description: 'The app that asks.' })
  app!: AppSummary;

  @Field(() => String, { description: 'The host the resident returns to after deciding.' })
  redirectHost!: string;

  @Field(() => [AppScopeEnum], { description: 'What the app asks to do.' })
  scopes!: ResidentAppScope[];

  @Field(() => String, {
    nullable: true,
    description: 'Whom the resident acts for (DigiD Machtigen): the app acts for them.',
  })
  actingFor!: string | null;
}

@ObjectType('AppAuthorizationDecision', { description: 'The answer to a consent.' })
export class AppAuthorizationDecision {
  @Field(() => String, {
    description: 'Where the browser goes next: the authorization server, then the app.',
  })
  redirectTo!: string;
}

@ObjectType('ConnectedApp', { description: 'An app the resident allowed to act for them.' })
export class ConnectedApp {
  @Field(() => AppSummary, { description: 'The app.' })
  app!: AppSummary;

  @Field(() => [AppScopeEnum], { description: 'What it may do.' })
  scopes!: ResidentAppScope[];

  @Field(() => Date, { description: 'When the resident last allowed it.' })
  connectedAt!: Date;

  @Field(() => Date, { nullable: true, description: 'When it last used its access; null: never.' })
  lastUsedAt!: Date | null;
}

@ObjectType('PartnerApp', { description: 'An app registered to act for residents (back office).' })
export class PartnerAppDto {
  @Field(() => ID, { description: 'The registered app.' })
  id!: string;

  @Field(() => String, { description: 'The OAuth client_id the app sends.' })
  clientId!: string;

  @Field(() => String, { description: 'The name residents see.' })
  name!: string;

  @Field(() => String, { description: 'Who made it, as residents see it.' })
  owner!: string;

  @Field(() => String, { description: 'Where the platform reaches the maker.' })
  contactEmail!: string;

  @Field(() => [String], {
    description: 'Where the authorization server may send the resident back.',
  })
  redirectUris!: string[];

  @Field(() => [AppScopeEnum], { description: 'The scopes it may ask for.' })
  scopes!: ResidentAppScope[];

  @Field(() => PartnerAppKindEnum, {
    description: 'Public (PKCE only) or confidential (a secret).',
  })
  kind!: PartnerAppKind;

  @Field(() => Boolean, { description: 'A disabled app cannot connect, and its tokens stop.' })
  disabled!: boolean;

  @Field(() => Date, { description: 'When it was registered.' })
  createdAt!: Date;
}

@ObjectType('RegisteredPartnerApp', { description: 'A newly registered app and its secret.' })
export class RegisteredPartnerApp {
  @Field(() => PartnerAppDto, { description: 'The app.' })
  app!: PartnerAppDto;

  @Field(() => String, {
    nullable: true,
    description: 'A confidential app’s secret: shown this once, stored only as a hash.',
  })
  clientSecret!: string | null;
}

@InputType({ description: 'A new app acting for residents.' })
export class RegisterPartnerAppInput {
  @Field(() => String, { description: 'The name residents see (1–100 characters).' })
  name!: string;

  @Field(() => String, { description: 'Who made it (1–100 characters).' })
  owner!: string;

  @Field(() => String, { description: 'Where the platform reaches the maker.' })
  contactEmail!: string;

  @Field(() => [String], {
    description: 'https:// addresses (outside production also http://localhost or 127.0.0.1).',
  })
  redirectUris!: string[];

  @Field(() => [AppScopeEnum], { description: 'The scopes it may ask for; at least one.' })
  scopes!: ResidentAppScope[];

  @Field(() => PartnerAppKindEnum, { description: 'Public (PKCE only) or confidential.' })
  kind!: PartnerAppKind;
}
