import { Field, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { rightKinds, type RightKind } from './right-choice.js';

export const RightKindEnum = Object.fromEntries(rightKinds.map((k) => [k, k])) as Record<
  RightKind,
  RightKind
>;
registerEnumType(RightKindEnum, {
  name: 'RightKind',
  description: 'What makes parking valid: a permit, a registered visitor session or an exemption.',
});

@InputType({ description: 'A scanned plate, the place and (optionally) the moment to check.' })
export class RightCheckInput {
  @Field(() => String, { description: 'The plate as read; separators and case do not matter.' })
  plate!: string;

  @Field(() => String, { description: "The zone's code within the municipality, e.g. 'B'." })
  zone!: string;

  @Field(() => String, { description: "The municipality's code, e.g. 'delft'." })
  municipality!: string;

  @Field(() => Date, { nullable: true, description: 'The moment to check; default: now.' })
  at?: Date | null;

  @Field(() => String, {
    nullable: true,
    description: "ISO 3166-1 alpha-2 country of the plate; default 'NL'.",
  })
  country?: string | null;
}

/**
 * The officer's green or red tick (docs/rules.md §9). Deliberately nothing that identifies a person or a
 * registration: no name, address, e-mail, permit or session id.
 */
@ObjectType({ description: 'Whether a valid right is registered for the plate, place and time.' })
export class RightCheckResult {
  @Field(() => Boolean)
  valid!: boolean;

  @Field(() => RightKindEnum, { nullable: true, description: 'Null when not valid.' })
  kind!: RightKind | null;

  @Field(() => Date, {
    nullable: true,
    description: 'Until when the right runs; null when not valid or open-ended.',
  })
  validUntil!: Date | null;

  @Field(() => Date, { description: 'When the check was made.' })
  checkedAt!: Date;

  @Field(() => String, { description: 'The plate checked, formatted (Dutch plates with dashes).' })
  plate!: string;
}
