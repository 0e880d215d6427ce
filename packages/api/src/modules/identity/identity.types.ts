import { Field, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { identityKinds, type IdentityKind } from '../../model/identity-provider.entity.js';

export const IdentityKindEnum = Object.fromEntries(identityKinds.map((k) => [k, k])) as Record<
  IdentityKind,
  IdentityKind
>;
registerEnumType(IdentityKindEnum, {
  name: 'IdentityKind',
  description:
    'DigiD (residents, by citizen service number) or eHerkenning (businesses, by KvK number).',
  valuesConfig: {
    digid: { description: 'DigiD: residents, by citizen service number.' },
    eherkenning: { description: 'eHerkenning: businesses, by KvK number.' },
  },
});

@ObjectType({
  description:
    'Where in the broker\'s ID token each fact is; dotted names reach into nested claims ("machtiging.bsn").',
})
export class IdentityClaimNames {
  @Field(() => String, {
    description: 'DigiD: the citizen service number of who logs in. eHerkenning: the KvK number.',
  })
  identifier!: string;

  @Field(() => String, { nullable: true, description: "The person's or company's name." })
  name!: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'Acting for someone else (DigiD Machtigen, eHerkenning representation): their BSN.',
  })
  representedBsn!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'eHerkenning acting for another company: its KvK number.',
  })
  representedKvk!: string | null;

  @Field(() => String, { nullable: true, description: "The represented one's name." })
  representedName!: string | null;

  @Field(() => String, { description: 'The level of assurance of the login.' })
  assurance!: string;
}

@InputType({ description: "Where in the broker's ID token each fact is; see IdentityClaimNames." })
export class IdentityClaimNamesInput {
  @Field(() => String, { description: "DigiD: the BSN's claim; eHerkenning: the KvK number's." })
  identifier!: string;

  @Field(() => String, { description: "The name's claim.", nullable: true })
  name?: string | null;

  @Field(() => String, { description: "The represented person's BSN claim.", nullable: true })
  representedBsn?: string | null;

  @Field(() => String, {
    description: "The represented company's KvK number claim.",
    nullable: true,
  })
  representedKvk?: string | null;

  @Field(() => String, { description: "The represented one's name claim.", nullable: true })
  representedName?: string | null;

  @Field(() => String, { description: 'The level of assurance claim.' })
  assurance!: string;
}

@ObjectType({
  description:
    "A town's OpenID Connect broker for DigiD or eHerkenning. The client secret is never returned.",
})
export class IdentityProviderSettings {
  @Field(() => IdentityKindEnum, { description: 'DigiD or eHerkenning.' })
  kind!: IdentityKind;

  @Field(() => Boolean, { description: 'False: not set up yet (the other fields are defaults).' })
  configured!: boolean;

  @Field(() => Boolean, { description: 'Offered on the login page.' })
  enabled!: boolean;

  @Field(() => String, { description: "The broker's issuer URL (its discovery document is read)." })
  issuer!: string;

  @Field(() => String, { description: 'The client id the broker gave the town.' })
  clientId!: string;

  @Field(() => Boolean, { description: 'Whether a client secret is stored.' })
  hasClientSecret!: boolean;

  @Field(() => String, { description: 'Space-separated scopes, `openid` included.' })
  scopes!: string;

  @Field(() => IdentityClaimNames, { description: 'Where in the ID token each fact is.' })
  claims!: IdentityClaimNames;

  @Field(() => String, {
    description:
      "The lowest level let in: DigiD 'basis', 'midden', 'substantieel' or 'hoog'; eHerkenning an assurance class URN from urn:etoegang:core:assurance-class:loa2 (EH2) up.",
  })
  minimumAssurance!: string;

  @Field(() => [String], { description: 'The minimums this kind allows.' })
  minimumChoices!: string[];

  @Field(() => String, { description: 'The redirect URI to register at the broker.' })
  redirectUri!: string;
}

@InputType({ description: "A town's broker settings for DigiD or eHerkenning." })
export class IdentityProviderInput {
  @Field(() => IdentityKindEnum, { description: 'DigiD or eHerkenning.' })
  kind!: IdentityKind;

  @Field(() => Boolean, { description: 'Offered on the login page.' })
  enabled!: boolean;

  @Field(() => String, { description: "The broker's issuer URL." })
  issuer!: string;

  @Field(() => String, { description: 'The client id the broker gave the town.' })
  clientId!: string;

  @Field(() => String, {
    nullable: true,
    description: 'A new client secret; leave out to keep the stored one.',
  })
  clientSecret?: string | null;

  @Field(() => String, { description: 'Space-separated scopes, `openid` included.' })
  scopes!: string;

  @Field(() => IdentityClaimNamesInput, { description: 'Where in the ID token each fact is.' })
  claims!: IdentityClaimNamesInput;

  @Field(() => String, {
    description: 'The lowest level let in (see IdentityProviderSettings.minimumAssurance).',
  })
  minimumAssurance!: string;
}

@ObjectType({ description: 'A way to log in that a municipality offers, for the login page.' })
export class SignInOption {
  @Field(() => String, { description: "The municipality's code." })
  municipalityCode!: string;

  @Field(() => String, { description: "The municipality's name." })
  municipalityName!: string;

  @Field(() => IdentityKindEnum, { description: 'DigiD or eHerkenning.' })
  kind!: IdentityKind;

  @Field(() => String, {
    description: 'Where the browser goes to start: `GET` it, optionally with `?returnTo=/path`.',
  })
  startPath!: string;
}

@ObjectType({ description: 'A DigiD or eHerkenning identity linked to the account.' })
export class IdentityLinkDto {
  @Field(() => IdentityKindEnum, { description: 'DigiD or eHerkenning.' })
  kind!: IdentityKind;

  @Field(() => Date, { description: 'When it was linked.' })
  linkedAt!: Date;
}
