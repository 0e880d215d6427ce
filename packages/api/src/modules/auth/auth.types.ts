import { Field, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { languages, type Language } from '@parkeer/shared/language';
import { roles, type Role } from '../../model/account.entity.js';
import { signInMethods, type SignInMethod } from '../../model/auth-session.entity.js';

export const LanguageEnum = Object.fromEntries(languages.map((l) => [l, l])) as Record<
  Language,
  Language
>;
registerEnumType(LanguageEnum, {
  name: 'Language',
  description: 'Interface language.',
  valuesConfig: { nl: { description: 'Dutch (the default).' }, en: { description: 'English.' } },
});

export const RoleEnum = Object.fromEntries(roles.map((r) => [r, r])) as Record<Role, Role>;
registerEnumType(RoleEnum, {
  description: 'What an account may do; each operation names the roles that may call it.',
  name: 'Role',
  valuesConfig: {
    resident: { description: 'A resident holding permits.' },
    business: { description: 'A business holding permits.' },
    municipalAdmin: { description: 'An administrator of one municipality (the back office).' },
    municipalDesk: {
      description: 'A municipal desk employee helping callers with their visitor permit.',
    },
    platformAdmin: { description: 'An administrator of the whole platform.' },
    enforcement: { description: 'An enforcement officer or scan car checking rights.' },
    partner: { description: 'A partner app acting for its users, within its scopes.' },
  },
});

export const SignInMethodEnum = Object.fromEntries(signInMethods.map((m) => [m, m])) as Record<
  SignInMethod,
  SignInMethod
>;
registerEnumType(SignInMethodEnum, {
  name: 'SignInMethod',
  description: 'How a login proved who it is.',
  valuesConfig: {
    password: { description: 'E-mail address and password.' },
    digid: { description: 'DigiD (a resident, by citizen service number).' },
    eherkenning: { description: 'eHerkenning (a business, by KvK number).' },
    registration: { description: "A visitor permit's registration number and PIN (no account)." },
    partnerKey: { description: "A town's machine key (a scan car or the town's own system)." },
  },
});

@ObjectType({ description: 'How the viewer logged in.' })
export class SignInDto {
  @Field(() => SignInMethodEnum, { description: 'How the login proved who it is.' })
  method!: SignInMethod;

  @Field(() => String, {
    nullable: true,
    description: 'The level of assurance the broker vouched for; null for a password.',
  })
  assurance!: string | null;
}

@ObjectType({
  description:
    'DigiD Machtigen or eHerkenning representation: whom this login acts for. What it creates is theirs.',
})
export class ActingForDto {
  @Field(() => ID, { description: "The represented holder's account." })
  accountId!: string;

  @Field(() => String, { description: 'Their name as the broker gave it (never a BSN).' })
  label!: string;
}

@ObjectType('Me', { description: 'The logged-in account and its settings.' })
export class MeDto {
  @Field(() => ID, { description: 'The account.' })
  id!: string;

  @Field(() => String, {
    nullable: true,
    description:
      'The login name and contact address; null for an account a DigiD or eHerkenning login made until its holder gives one.',
  })
  email!: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      "The person's or company's name from DigiD or eHerkenning, if the broker gave one.",
  })
  displayName!: string | null;

  @Field(() => String, { nullable: true, description: "A business's KvK number (eHerkenning)." })
  kvkNumber!: string | null;

  @Field(() => SignInDto, { description: 'How this login proved who it is.' })
  signIn!: SignInDto;

  @Field(() => ActingForDto, {
    nullable: true,
    description:
      'DigiD Machtigen / eHerkenning representation: whom this login acts for. Products, permits and requests are theirs; the audit log names this account as who acted.',
  })
  actingFor!: ActingForDto | null;

  @Field(() => RoleEnum, { description: 'What the account may do.' })
  role!: Role;

  @Field(() => LanguageEnum, {
    description: 'The language the account reads: messages and refusals come in it.',
  })
  language!: Language;

  @Field(() => Boolean, { description: 'Whether the app shows high-contrast colours.' })
  highContrast!: boolean;

  @Field(() => ID, { nullable: true, description: 'The product the app opens with.' })
  startPermitId!: string | null;
}

@InputType({ description: 'An e-mail address and password.' })
export class LoginInput {
  @Field(() => String, { description: "The account's e-mail address." })
  email!: string;

  @Field(() => String, { description: "The account's password." })
  password!: string;

  @Field(() => Boolean, {
    defaultValue: false,
    description: "'Remember me': stay logged in longer.",
  })
  remember!: boolean;
}

@ObjectType({ description: 'A login: the account and when the login ends.' })
export class LoginResult {
  @Field(() => MeDto, { description: 'The logged-in account.' })
  me!: MeDto;

  @Field(() => Date, { description: 'When the login ends at the latest.' })
  expiresAt!: Date;
}

@ObjectType({ description: 'A bearer token: send it as `Authorization: Bearer <token>`.' })
export class AccessToken {
  @Field(() => String, { description: 'Shown once; only its hash is stored.' })
  token!: string;

  @Field(() => Date, { description: 'When the token stops working.' })
  expiresAt!: Date;

  @Field(() => MeDto, { description: 'The account it logs in.' })
  me!: MeDto;
}
