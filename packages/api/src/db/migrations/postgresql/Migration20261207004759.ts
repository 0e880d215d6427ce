import { Migration } from '@mikro-orm/migrations';

export class Migration20261207004759 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "identity_provider" ("id" uuid not null, "municipality_id" uuid not null, "kind" varchar(20) not null, "enabled" boolean not null default true, "issuer" varchar(500) not null, "client_id" varchar(200) not null, "client_secret" varchar(500) not null, "scopes" varchar(500) not null, "claims" jsonb not null, "minimum_assurance" varchar(100) not null, "updated_at" timestamptz not null, constraint "identity_provider_pkey" primary key ("id"));`,
    );
    this.addSql(
      `alter table "identity_provider" add constraint "identity_provider_municipality_id_kind_unique" unique ("municipality_id", "kind");`,
    );

    this.addSql(
      `create table "identity_login" ("id" uuid not null, "binding_hash" varchar(64) not null, "provider_id" uuid not null, "state" varchar(100) not null, "nonce" varchar(100) not null, "code_verifier" varchar(200) not null, "return_to" varchar(300) not null, "link_account_id" uuid null, "expires_at" timestamptz not null, "created_at" timestamptz not null, constraint "identity_login_pkey" primary key ("id"));`,
    );
    this.addSql(
      `alter table "identity_login" add constraint "identity_login_binding_hash_unique" unique ("binding_hash");`,
    );
    this.addSql(
      `create index "identity_login_expires_at_index" on "identity_login" ("expires_at");`,
    );

    this.addSql(
      `create table "identity_link" ("id" uuid not null, "kind" varchar(20) not null, "subject_hash" varchar(64) not null, "account_id" uuid not null, "created_at" timestamptz not null, constraint "identity_link_pkey" primary key ("id"));`,
    );
    this.addSql(
      `alter table "identity_link" add constraint "identity_link_account_id_kind_unique" unique ("account_id", "kind");`,
    );
    this.addSql(
      `alter table "identity_link" add constraint "identity_link_kind_subject_hash_unique" unique ("kind", "subject_hash");`,
    );

    this.addSql(
      `alter table "identity_provider" add constraint "identity_provider_municipality_id_foreign" foreign key ("municipality_id") references "municipality" ("id") on update cascade on delete cascade;`,
    );

    this.addSql(
      `alter table "identity_login" add constraint "identity_login_provider_id_foreign" foreign key ("provider_id") references "identity_provider" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "identity_login" add constraint "identity_login_link_account_id_foreign" foreign key ("link_account_id") references "account" ("id") on update cascade on delete cascade;`,
    );

    this.addSql(
      `alter table "identity_link" add constraint "identity_link_account_id_foreign" foreign key ("account_id") references "account" ("id") on update cascade on delete cascade;`,
    );

    this.addSql(
      `alter table "account" add column "kvk_number" varchar(8) null, add column "display_name" varchar(200) null;`,
    );
    this.addSql(
      `alter table "account" alter column "email" type varchar(254) using ("email"::varchar(254));`,
    );
    this.addSql(`alter table "account" alter column "email" drop not null;`);

    this.addSql(
      `alter table "auth_session" add column "method" varchar(20) not null default 'password', add column "assurance" varchar(100) null, add column "acting_for_id" uuid null, add column "acting_for_label" varchar(200) null;`,
    );
    this.addSql(
      `alter table "auth_session" add constraint "auth_session_acting_for_id_foreign" foreign key ("acting_for_id") references "account" ("id") on update cascade on delete cascade;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(
      `alter table "identity_login" drop constraint "identity_login_provider_id_foreign";`,
    );

    this.addSql(`drop table if exists "identity_provider" cascade;`);

    this.addSql(`drop table if exists "identity_login" cascade;`);

    this.addSql(`drop table if exists "identity_link" cascade;`);

    this.addSql(`alter table "auth_session" drop constraint "auth_session_acting_for_id_foreign";`);

    this.addSql(`alter table "account" drop column "kvk_number", drop column "display_name";`);

    this.addSql(
      `alter table "account" alter column "email" type varchar(254) using ("email"::varchar(254));`,
    );
    this.addSql(`alter table "account" alter column "email" set not null;`);

    this.addSql(
      `alter table "auth_session" drop column "method", drop column "assurance", drop column "acting_for_id", drop column "acting_for_label";`,
    );
  }
}
