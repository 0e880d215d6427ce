import { Entity, Index, PrimaryKey, Property, type Opt } from '@mikro-orm/core';

/**
 * One phone call's dialogue between two webhooks (docs/rules.md §5, "The phone line"): the
 * provider's call id, the dialogue's state as JSON and the permit the caller signed in to. Never
 * the PIN (the dialogue's state holds none) nor the caller's number. Rows past `expiresAt` are a
 * call the provider forgot to end; they are deleted as new calls come in.
 */
@Entity({ tableName: 'phone_call' })
export class PhoneCall {
  /** The provider's call id (Twilio's CallSid: 34 characters). */
  @PrimaryKey({ type: 'string', length: 64 })
  callId!: string;

  /** The dialogue's `PhoneCall` state (packages/domain, phone-dialogue). */
  @Property({ type: 'json' })
  state!: unknown;

  /** The permit signed in to, once the registration number and PIN were right. */
  @Property({ type: 'uuid', nullable: true })
  permitId?: string | null;

  /**
   * Counts the row's saves: a turn saves only over the version it read, so a hang-up (the status
   * callback) written while the turn ran is never overwritten (docs/rules.md §5, "Hang-up").
   */
  @Property({ type: 'integer', default: 1 })
  version: number & Opt = 1;

  @Property({ type: Date })
  createdAt!: Date;

  @Property({ type: Date })
  updatedAt!: Date;

  @Index()
  @Property({ type: Date })
  expiresAt!: Date;
}
