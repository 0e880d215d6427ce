import { Migration } from '@mikro-orm/migrations';

export class Migration20261207112842 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "desk_grant" ("id" uuid not null, "account_id" uuid not null, "permit_id" uuid not null, "created_at" timestamptz not null, "expires_at" timestamptz not null, constraint "desk_grant_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "desk_grant_account_id_expires_at_index" on "desk_grant" ("account_id", "expires_at");`,
    );

    this.addSql(
      `alter table "desk_grant" add constraint "desk_grant_account_id_foreign" foreign key ("account_id") references "account" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "desk_grant" add constraint "desk_grant_permit_id_foreign" foreign key ("permit_id") references "permit" ("id") on update cascade;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "desk_grant" cascade;`);
  }
}
