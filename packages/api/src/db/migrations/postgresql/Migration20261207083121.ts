import { Migration } from '@mikro-orm/migrations';

export class Migration20261207083121 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "phone_call" ("call_id" varchar(64) not null, "state" jsonb not null, "permit_id" uuid null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "expires_at" timestamptz not null, constraint "phone_call_pkey" primary key ("call_id"));`,
    );
    this.addSql(`create index "phone_call_expires_at_index" on "phone_call" ("expires_at");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "phone_call" cascade;`);
  }
}
