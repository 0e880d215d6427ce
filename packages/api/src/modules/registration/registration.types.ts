import { useIdOfPermit } from '../../graphql/permit-id.js';
import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';

@InputType({ description: "A visitor permit's registration number and PIN, as on its letter." })
export class RegistrationLoginInput {
  @Field(() => String, { description: 'The product code\'s digits ("PK" may be typed too).' })
  registrationNumber!: string;

  @Field(() => String, { description: 'The PIN from the letter.' })
  pin!: string;
}

@ObjectType({
  description:
    'A login with a registration number and PIN: no account, one visitor permit, a short idle time.',
})
export class RegistrationLoginDto {
  @Field(() => ID, { description: 'The one product this login may act on.' })
  permitId!: string;

  @Field(() => ID, {
    description: 'The one product this login may act on.',
    deprecationReason: useIdOfPermit,
  })
  productId!: string;

  @Field(() => String, { description: 'The registration number, as the letter prints it.' })
  registrationNumber!: string;

  @Field(() => Int, { description: 'Minutes without activity after which the login ends.' })
  idleMinutes!: number;
}

@InputType({ description: 'A new PIN for a visitor permit.' })
export class ChangePinInput {
  @Field(() => ID, {
    nullable: true,
    description: 'The visitor permit (Product.id); required (or, deprecated, productId).',
  })
  permitId?: string | null;

  @Field(() => ID, {
    nullable: true,
    description: 'The visitor permit (Product.id).',
    deprecationReason: useIdOfPermit,
  })
  productId?: string | null;

  @Field(() => String, { description: 'The PIN as it is now: changing it needs it.' })
  currentPin!: string;

  @Field(() => String, { description: 'Four to six digits; not one digit repeated nor a run.' })
  newPin!: string;
}
