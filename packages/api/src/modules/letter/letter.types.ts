import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { letterKinds, type LetterKind } from '../../model/permit-document.entity.js';

export const LetterKindEnum = Object.fromEntries(letterKinds.map((k) => [k, k])) as Record<
  LetterKind,
  LetterKind
>;
registerEnumType(LetterKindEnum, {
  name: 'LetterKind',
  description:
    'The decision a letter reports: granted (a new permit), changed (another plate), extended (a renewal), ended (an early end, with any refund), refused (an application an official refused), moved (what a move did to the permit).',
  valuesConfig: {
    granted: { description: 'A new permit was granted.' },
    changed: { description: 'Another plate was put on the permit.' },
    extended: { description: 'The permit was renewed.' },
    ended: { description: 'The permit ended early, with any refund.' },
    refused: { description: 'An official refused an application.' },
    moved: { description: 'What a move did to the permit.' },
    newPin: { description: 'A new PIN for a visitor permit.' },
  },
});

@ObjectType('PermitLetter', {
  description: 'A decision letter (PDF) kept with a permit or an application.',
})
export class PermitLetterDto {
  @Field(() => ID, { description: 'The letter; `resendLetter` takes it.' })
  id!: string;

  @Field(() => LetterKindEnum, { description: 'The decision it reports.' })
  kind!: LetterKind;

  @Field(() => Date, { description: 'When the decision was made.' })
  createdAt!: Date;

  @Field(() => Boolean, {
    description: 'False for the moment between the decision and the PDF being made (seconds).',
  })
  ready!: boolean;

  @Field(() => String, {
    description:
      'Where the PDF is downloaded (same origin as the API, with the same sign-in): `/documents/<id>`.',
  })
  downloadUrl!: string;
}

@ObjectType('ApplicationDocument', {
  description: 'A file the applicant uploaded with an application (a lease contract, a statement).',
})
export class ApplicationDocumentDto {
  @Field(() => ID, { description: 'The uploaded file, as `POST /documents` answered it.' })
  id!: string;

  @Field(() => String, { description: 'The name the file had when it was uploaded.' })
  fileName!: string;

  @Field(() => String, {
    nullable: true,
    description: "Which of the product's document requirements it meets, e.g. leaseContract.",
  })
  requirement!: string | null;

  @Field(() => String, { description: 'MIME type: application/pdf, image/jpeg or image/png.' })
  contentType!: string;

  @Field(() => Int, { description: 'In bytes.' })
  size!: number;

  @Field(() => String, { description: 'Where the file is downloaded: `/documents/<id>`.' })
  downloadUrl!: string;
}
