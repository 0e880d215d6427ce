import { Migration } from '@mikro-orm/migrations';

export class Migration20261207150842 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "oauth_record" ("id" uuid not null, "model" varchar(40) not null, "key" varchar(64) not null, "payload" jsonb not null, "grant_key" varchar(64) null, "uid_key" varchar(64) null, "account_id" uuid null, "client_id" varchar(40) null, "expires_at" timestamptz null, "granted_at" timestamptz null, "last_used_at" timestamptz null, constraint "oauth_record_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "oauth_record_grant_key_index" on "oauth_record" ("grant_key");`);
    this.addSql(`create index "oauth_record_uid_key_index" on "oauth_record" ("uid_key");`);
    this.addSql(`create index "oauth_record_account_id_index" on "oauth_record" ("account_id");`);
    this.addSql(`create index "oauth_record_expires_at_index" on "oauth_record" ("expires_at");`);
    this.addSql(
      `alter table "oauth_record" add constraint "oauth_record_model_key_unique" unique ("model", "key");`,
    );

    this.addSql(
      `create table "partner_app" ("id" uuid not null, "client_id" varchar(40) not null, "name" varchar(100) not null, "owner" varchar(100) not null, "contact_email" varchar(254) not null, "redirect_uris" jsonb not null, "scopes" jsonb not null, "kind" varchar(20) not null, "secret_hash" varchar(64) null, "disabled" boolean not null default false, "created_at" timestamptz not null, constraint "partner_app_pkey" primary key ("id"));`,
    );
    this.addSql(
      `alter table "partner_app" add constraint "partner_app_client_id_unique" unique ("client_id");`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "oauth_record" cascade;`);

    this.addSql(`drop table if exists "partner_app" cascade;`);
  }
}
