import { Migration } from '@mikro-orm/migrations';

export class Migration20261206220702 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "idempotency_claim" ("id" uuid not null, "account_id" uuid not null, "operation" varchar(40) not null, "key" varchar(100) not null, "fingerprint" varchar(64) not null, "status" varchar(10) not null, "answer" text null, "lease_until" timestamptz null, "created_at" timestamptz not null, constraint "idempotency_claim_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "idempotency_claim_created_at_index" on "idempotency_claim" ("created_at");`,
    );
    this.addSql(
      `alter table "idempotency_claim" add constraint "idempotency_claim_account_id_operation_key_unique" unique ("account_id", "operation", "key");`,
    );

    this.addSql(
      `alter table "idempotency_claim" add constraint "idempotency_claim_account_id_foreign" foreign key ("account_id") references "account" ("id") on update cascade on delete cascade;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "idempotency_claim" cascade;`);
  }
}
