import { Field, ID, InputType, ObjectType } from 'type-graphql';

@ObjectType('CouplingLinkInfo', {
  description: 'What a coupling link adds, and whether the address already has an account.',
})
export class CouplingLinkInfoDto {
  @Field(() => String, { description: "The product's name in the viewer's language." })
  productName!: string;

  @Field(() => String)
  municipalityName!: string;

  @Field(() => String)
  addressLabel!: string;

  @Field(() => String, { description: 'The address the link was sent to: the user name.' })
  email!: string;

  @Field(() => Boolean, {
    description:
      'True: confirm with the password of that account. False: choose a password (twice).',
  })
  accountExists!: boolean;
}

@InputType()
export class AcceptCouplingLinkInput {
  @Field(() => String)
  token!: string;

  @Field(() => String, {
    description: "The existing account's password, or the new account's password.",
  })
  password!: string;

  @Field(() => String, {
    nullable: true,
    description: 'The new password once more; only for a new account.',
  })
  passwordRepeat?: string | null;

  @Field(() => Boolean, { defaultValue: false, description: "'Remember me' for the login." })
  remember!: boolean;
}

@InputType()
export class AddProductByCodeInput {
  @Field(() => String, {
    description: 'From the allocation letter; case and spaces do not matter.',
  })
  productCode!: string;

  @Field(() => String)
  pin!: string;
}

@ObjectType('AddedProduct')
export class AddedProductDto {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { description: "The product's name in the viewer's language." })
  name!: string;
}
