import { Migration } from '@mikro-orm/migrations';

export class Migration20261207175424 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "webhook_delivery" ("id" uuid not null, "subscription_id" uuid not null, "sequence" bigint not null, "type" varchar(30) not null, "account_id" uuid not null, "permit_id" uuid not null, "body" text not null, "occurred_at" timestamptz not null, "created_at" timestamptz not null, "status" varchar(20) not null default 'pending', "attempts" int not null default 0, "next_attempt_at" timestamptz null, "delivered_at" timestamptz null, "attempt_log" jsonb not null, constraint "webhook_delivery_pkey" primary key ("id"));`,
    );
    // Written by hand: the order of a permit's webhook events (webhook-outbox.ts).
    this.addSql(`create sequence if not exists "webhook_delivery_sequence";`);
    this.addSql(
      `create index "webhook_delivery_created_at_index" on "webhook_delivery" ("created_at");`,
    );
    this.addSql(
      `create index "webhook_delivery_subscription_id_status_sequence_index" on "webhook_delivery" ("subscription_id", "status", "sequence");`,
    );

    this.addSql(
      `create table "webhook_subscription" ("id" uuid not null, "app_id" uuid not null, "url" varchar(500) not null, "event_types" jsonb not null, "secret_sealed" text not null, "secret_created_at" timestamptz not null, "disabled" boolean not null default false, "created_at" timestamptz not null, constraint "webhook_subscription_pkey" primary key ("id"));`,
    );
    this.addSql(
      `alter table "webhook_subscription" add constraint "webhook_subscription_app_id_unique" unique ("app_id");`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "webhook_delivery" cascade;`);

    this.addSql(`drop table if exists "webhook_subscription" cascade;`);
    this.addSql(`drop sequence if exists "webhook_delivery_sequence";`);
  }
}
