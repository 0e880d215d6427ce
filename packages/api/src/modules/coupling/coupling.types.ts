import { Field, ID, InputType, ObjectType } from 'type-graphql';

@ObjectType('CouplingLinkInfo', {
  description: 'What a coupling link adds, and whether the address already has an account.',
})
export class CouplingLinkInfoDto {
  @Field(() => String, { description: "The product's name in the viewer's language." })
  productName!: string;

  @Field(() => String, { description: 'The municipality that issued it.' })
  municipalityName!: string;

  @Field(() => String, { description: 'The address it was issued to, as printed.' })
  addressLabel!: string;

  @Field(() => String, { description: 'The address the link was sent to: the user name.' })
  email!: string;

  @Field(() => Boolean, {
    description:
      'True: confirm with the password of that account. False: choose a password (twice).',
  })
  accountExists!: boolean;
}

@InputType({ description: 'Accepting a coupling link.' })
export class AcceptCouplingLinkInput {
  @Field(() => String, { description: 'The token from the link.' })
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

@InputType({ description: 'A product code and PIN from an allocation letter.' })
export class AddProductByCodeInput {
  @Field(() => String, {
    description: 'From the allocation letter; case and spaces do not matter.',
  })
  productCode!: string;

  @Field(() => String, { description: 'The PIN from the letter.' })
  pin!: string;
}

@ObjectType('AddedProduct', { description: 'A product added to the account.' })
export class AddedProductDto {
  @Field(() => ID, { description: 'The permit (Product.id).' })
  id!: string;

  @Field(() => String, { description: "The product's name in the viewer's language." })
  name!: string;
}
