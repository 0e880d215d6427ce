import type { Language } from '@parkeer/shared/language';
import { Field, ID, InputType } from 'type-graphql';
import { LanguageEnum } from '../auth/auth.types.js';

@InputType({ description: 'Settings to change; a field left out stays as it is.' })
export class UpdateSettingsInput {
  @Field(() => LanguageEnum, {
    description: 'The language messages and refusals come in.',
    nullable: true,
  })
  language?: Language | null;

  @Field(() => ID, {
    nullable: true,
    description: 'The product the app opens with; null: the first one.',
  })
  startPermitId?: string | null;

  @Field(() => Boolean, { description: 'High-contrast colours in the app.', nullable: true })
  highContrast?: boolean | null;
}
