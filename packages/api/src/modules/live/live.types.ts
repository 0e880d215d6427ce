import { useIdOfPermit } from '../../graphql/permit-id.js';
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { sessionEventKinds, type SessionEventKind } from '../../graphql/pubsub.js';
import { Balance } from '../product/product.types.js';
import { SessionDto } from '../session/session.types.js';

export const SessionEventKindEnum = Object.fromEntries(sessionEventKinds.map((k) => [k, k])) as {
  [K in SessionEventKind]: K;
};
registerEnumType(SessionEventKindEnum, {
  name: 'SessionEventKind',
  description:
    'started, changed (new end), stopped, deleted (a planned one taken back), autoStopped (reached its end), activated (planned → running).',
  valuesConfig: {
    started: { description: 'Started (or planned).' },
    changed: { description: 'Its end changed.' },
    stopped: { description: 'Stopped before its end.' },
    deleted: { description: 'A planned session was taken back.' },
    autoStopped: { description: 'Reached its end.' },
    activated: { description: 'A planned session started running.' },
  },
});

@ObjectType({ description: 'Something happened to a session the viewer may see.' })
export class SessionEvent {
  @Field(() => SessionEventKindEnum, { description: 'What happened.' })
  kind!: SessionEventKind;

  @Field(() => Date, { description: 'When it happened.' })
  at!: Date;

  @Field(() => SessionDto, { description: 'The session after the change.' })
  session!: SessionDto;
}

@ObjectType({
  description:
    "The balance of a product changed: the owner's balance, or for a delegate its delegation's.",
})
export class BalanceEvent {
  @Field(() => ID, { description: 'The permit (Product.id).' })
  permitId!: string;

  @Field(() => ID, { description: 'The permit (Product.id).', deprecationReason: useIdOfPermit })
  productId!: string;

  @Field(() => Balance, { description: 'The balance right after the change.' })
  balance!: Balance;

  @Field(() => Date, { description: 'When it changed.' })
  at!: Date;
}
