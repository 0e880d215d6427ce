import { Field, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { languages, type Language } from '@parkeer/shared/language';
import { roles, type Role } from '../../model/account.entity.js';

export const LanguageEnum = Object.fromEntries(languages.map((l) => [l, l])) as Record<
  Language,
  Language
>;
registerEnumType(LanguageEnum, { name: 'Language', description: 'Interface language.' });

export const RoleEnum = Object.fromEntries(roles.map((r) => [r, r])) as Record<Role, Role>;
registerEnumType(RoleEnum, { name: 'Role' });

@ObjectType('Me', { description: 'The logged-in account and its settings.' })
export class MeDto {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  email!: string;

  @Field(() => RoleEnum)
  role!: Role;

  @Field(() => LanguageEnum)
  language!: Language;

  @Field(() => Boolean)
  highContrast!: boolean;

  @Field(() => ID, { nullable: true, description: 'The product the app opens with.' })
  startPermitId!: string | null;
}

@InputType()
export class LoginInput {
  @Field(() => String)
  email!: string;

  @Field(() => String)
  password!: string;

  @Field(() => Boolean, {
    defaultValue: false,
    description: "'Remember me': stay logged in longer.",
  })
  remember!: boolean;
}

@ObjectType()
export class LoginResult {
  @Field(() => MeDto)
  me!: MeDto;

  @Field(() => Date, { description: 'When the login ends at the latest.' })
  expiresAt!: Date;
}

@ObjectType({ description: 'A bearer token: send it as `Authorization: Bearer <token>`.' })
export class AccessToken {
  @Field(() => String, { description: 'Shown once; only its hash is stored.' })
  token!: string;

  @Field(() => Date)
  expiresAt!: Date;

  @Field(() => MeDto)
  me!: MeDto;
}
