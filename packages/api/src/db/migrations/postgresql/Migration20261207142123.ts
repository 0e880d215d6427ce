import { Migration } from '@mikro-orm/migrations';

export class Migration20261207142123 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "partner_key" ("id" uuid not null, "municipality_id" uuid not null, "partner_name" varchar(100) not null, "label" varchar(100) not null, "scopes" jsonb not null, "secret_hash" varchar(64) not null, "previous_secret_hash" varchar(64) null, "previous_secret_expires_at" timestamptz null, "requests_per_minute" int null, "cost_per_minute" int null, "created_by_id" uuid null, "created_at" timestamptz not null, "rotated_at" timestamptz null, "revoked_at" timestamptz null, "last_used_at" timestamptz null, constraint "partner_key_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "partner_key_municipality_id_created_at_index" on "partner_key" ("municipality_id", "created_at");`,
    );

    this.addSql(
      `create table "partner_key_usage" ("id" uuid not null, "partner_key_id" uuid not null, "day" varchar(10) not null, "requests" int not null, constraint "partner_key_usage_pkey" primary key ("id"));`,
    );
    this.addSql(
      `alter table "partner_key_usage" add constraint "partner_key_usage_partner_key_id_day_unique" unique ("partner_key_id", "day");`,
    );

    this.addSql(
      `alter table "partner_key" add constraint "partner_key_municipality_id_foreign" foreign key ("municipality_id") references "municipality" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "partner_key" add constraint "partner_key_created_by_id_foreign" foreign key ("created_by_id") references "account" ("id") on update cascade on delete set null;`,
    );

    this.addSql(
      `alter table "partner_key_usage" add constraint "partner_key_usage_partner_key_id_foreign" foreign key ("partner_key_id") references "partner_key" ("id") on update cascade on delete cascade;`,
    );

    this.addSql(
      `alter table "right_check_log" drop constraint "right_check_log_checked_by_id_foreign";`,
    );

    this.addSql(`alter table "right_check_log" add column "partner_key_id" uuid null;`);
    this.addSql(`alter table "right_check_log" alter column "checked_by_id" drop default;`);
    this.addSql(
      `alter table "right_check_log" alter column "checked_by_id" type uuid using ("checked_by_id"::text::uuid);`,
    );
    this.addSql(`alter table "right_check_log" alter column "checked_by_id" drop not null;`);
    this.addSql(
      `alter table "right_check_log" add constraint "right_check_log_partner_key_id_foreign" foreign key ("partner_key_id") references "partner_key" ("id") on update cascade on delete set null;`,
    );
    this.addSql(
      `alter table "right_check_log" add constraint "right_check_log_checked_by_id_foreign" foreign key ("checked_by_id") references "account" ("id") on update cascade on delete set null;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(
      `alter table "partner_key_usage" drop constraint "partner_key_usage_partner_key_id_foreign";`,
    );

    this.addSql(
      `alter table "right_check_log" drop constraint "right_check_log_partner_key_id_foreign";`,
    );

    this.addSql(`drop table if exists "partner_key" cascade;`);

    this.addSql(`drop table if exists "partner_key_usage" cascade;`);

    this.addSql(
      `alter table "right_check_log" drop constraint "right_check_log_checked_by_id_foreign";`,
    );

    this.addSql(`alter table "right_check_log" drop column "partner_key_id";`);

    this.addSql(`alter table "right_check_log" alter column "checked_by_id" drop default;`);
    this.addSql(
      `alter table "right_check_log" alter column "checked_by_id" type uuid using ("checked_by_id"::text::uuid);`,
    );
    this.addSql(`alter table "right_check_log" alter column "checked_by_id" set not null;`);
    this.addSql(
      `alter table "right_check_log" add constraint "right_check_log_checked_by_id_foreign" foreign key ("checked_by_id") references "account" ("id") on update cascade on delete no action;`,
    );
  }
}
