import { Migration } from '@mikro-orm/migrations';

export class Migration20261121180117 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "mail_outbox" ("id" uuid not null, "recipient" varchar(254) not null, "subject" varchar(200) not null, "text" text not null, "html" text null, "created_at" timestamptz not null, "next_attempt_at" timestamptz not null, "sent_at" timestamptz null, "attempts" int not null default 0, "last_error" varchar(500) null, constraint "mail_outbox_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "mail_outbox_sent_at_next_attempt_at_index" on "mail_outbox" ("sent_at", "next_attempt_at");`,
    );

    this.addSql(
      `create table "rate_limit_hit" ("id" uuid not null, "bucket" varchar(40) not null, "subject" varchar(254) not null, "at" timestamptz not null, constraint "rate_limit_hit_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "rate_limit_hit_bucket_subject_at_index" on "rate_limit_hit" ("bucket", "subject", "at");`,
    );

    this.addSql(
      `create table "right_check_log" ("id" uuid not null, "checked_by_id" uuid not null, "checked_at" timestamptz not null, "checked_for" timestamptz not null, "zone_id" uuid not null, "valid" boolean not null, "right_kind" varchar(30) null, "created_at" timestamptz not null, constraint "right_check_log_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "right_check_log_checked_at_index" on "right_check_log" ("checked_at");`,
    );

    this.addSql(
      `create table "payment" ("id" uuid not null, "permit_id" uuid not null, "account_id" uuid not null, "amount" int not null, "price_cents" int not null, "fee_cents" int not null, "total_cents" int not null, "provider" varchar(40) not null, "provider_ref" varchar(120) null, "status" varchar(20) not null default 'open', "idempotency_key" varchar(100) not null, "created_at" timestamptz not null, "completed_at" timestamptz null, constraint "payment_pkey" primary key ("id"));`,
    );
    this.addSql(
      `alter table "payment" add constraint "payment_provider_ref_unique" unique ("provider_ref");`,
    );
    this.addSql(
      `alter table "payment" add constraint "payment_permit_id_idempotency_key_unique" unique ("permit_id", "idempotency_key");`,
    );

    this.addSql(
      `create table "favorite" ("id" uuid not null, "permit_id" uuid not null, "plate" varchar(10) not null, "country" varchar(2) not null default 'NL', "name" varchar(10) not null, "created_at" timestamptz not null, constraint "favorite_pkey" primary key ("id"));`,
    );
    this.addSql(
      `alter table "favorite" add constraint "favorite_permit_id_plate_unique" unique ("permit_id", "plate");`,
    );

    this.addSql(
      `create table "delegation" ("id" uuid not null, "permit_id" uuid not null, "email" varchar(254) not null, "delegate_id" uuid null, "plate" varchar(10) null, "country" varchar(2) null, "budget" int not null, "balance" int not null, "version" int not null default 1, "status" varchar(20) not null default 'invited', "created_at" timestamptz not null, "accepted_at" timestamptz null, "revoked_at" timestamptz null, constraint "delegation_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "delegation_delegate_id_status_index" on "delegation" ("delegate_id", "status");`,
    );

    this.addSql(
      `create table "email_token" ("id" uuid not null, "token_hash" varchar(64) not null, "purpose" varchar(20) not null, "email" varchar(254) not null, "account_id" uuid null, "permit_id" uuid null, "delegation_id" uuid null, "expires_at" timestamptz not null, "used_at" timestamptz null, "created_at" timestamptz not null, constraint "email_token_pkey" primary key ("id"));`,
    );
    this.addSql(
      `alter table "email_token" add constraint "email_token_token_hash_unique" unique ("token_hash");`,
    );
    this.addSql(`create index "email_token_expires_at_index" on "email_token" ("expires_at");`);

    this.addSql(
      `alter table "right_check_log" add constraint "right_check_log_checked_by_id_foreign" foreign key ("checked_by_id") references "account" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "right_check_log" add constraint "right_check_log_zone_id_foreign" foreign key ("zone_id") references "zone" ("id") on update cascade;`,
    );

    this.addSql(
      `alter table "payment" add constraint "payment_permit_id_foreign" foreign key ("permit_id") references "permit" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "payment" add constraint "payment_account_id_foreign" foreign key ("account_id") references "account" ("id") on update cascade;`,
    );

    this.addSql(
      `alter table "favorite" add constraint "favorite_permit_id_foreign" foreign key ("permit_id") references "permit" ("id") on update cascade on delete cascade;`,
    );

    this.addSql(
      `alter table "delegation" add constraint "delegation_permit_id_foreign" foreign key ("permit_id") references "permit" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "delegation" add constraint "delegation_delegate_id_foreign" foreign key ("delegate_id") references "account" ("id") on update cascade on delete set null;`,
    );

    this.addSql(
      `alter table "email_token" add constraint "email_token_account_id_foreign" foreign key ("account_id") references "account" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "email_token" add constraint "email_token_permit_id_foreign" foreign key ("permit_id") references "permit" ("id") on update cascade on delete set null;`,
    );
    this.addSql(
      `alter table "email_token" add constraint "email_token_delegation_id_foreign" foreign key ("delegation_id") references "delegation" ("id") on update cascade on delete set null;`,
    );

    this.addSql(`create index "permit_holder_id_index" on "permit" ("holder_id");`);

    this.addSql(`alter table "parking_session" add column "delegation_id" uuid null;`);
    this.addSql(
      `alter table "parking_session" add constraint "parking_session_delegation_id_foreign" foreign key ("delegation_id") references "delegation" ("id") on update cascade on delete set null;`,
    );

    this.addSql(
      `alter table "ledger_entry" add column "pot" varchar(12) not null default 'permit', add column "delegation_id" uuid null, add column "payment_id" uuid null;`,
    );
    this.addSql(
      `alter table "ledger_entry" add constraint "ledger_entry_delegation_id_foreign" foreign key ("delegation_id") references "delegation" ("id") on update cascade on delete set null;`,
    );
    this.addSql(
      `alter table "ledger_entry" add constraint "ledger_entry_payment_id_foreign" foreign key ("payment_id") references "payment" ("id") on update cascade on delete set null;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "ledger_entry" drop constraint "ledger_entry_payment_id_foreign";`);

    this.addSql(
      `alter table "parking_session" drop constraint "parking_session_delegation_id_foreign";`,
    );

    this.addSql(`alter table "ledger_entry" drop constraint "ledger_entry_delegation_id_foreign";`);

    this.addSql(`alter table "email_token" drop constraint "email_token_delegation_id_foreign";`);

    this.addSql(`drop table if exists "mail_outbox" cascade;`);

    this.addSql(`drop table if exists "rate_limit_hit" cascade;`);

    this.addSql(`drop table if exists "right_check_log" cascade;`);

    this.addSql(`drop table if exists "payment" cascade;`);

    this.addSql(`drop table if exists "favorite" cascade;`);

    this.addSql(`drop table if exists "delegation" cascade;`);

    this.addSql(`drop table if exists "email_token" cascade;`);

    this.addSql(
      `alter table "ledger_entry" drop column "pot", drop column "delegation_id", drop column "payment_id";`,
    );

    this.addSql(`alter table "parking_session" drop column "delegation_id";`);

    this.addSql(`drop index "permit_holder_id_index";`);
  }
}
