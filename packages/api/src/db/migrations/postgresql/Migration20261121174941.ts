import { Migration } from '@mikro-orm/migrations';

export class Migration20261121174941 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "municipality" ("id" uuid not null, "code" varchar(40) not null, "name" varchar(120) not null, "time_zone" varchar(64) not null default 'Europe/Amsterdam', "logo_url" varchar(500) null, "retention" jsonb not null, "created_at" timestamptz not null, constraint "municipality_pkey" primary key ("id"));`,
    );
    this.addSql(
      `alter table "municipality" add constraint "municipality_code_unique" unique ("code");`,
    );

    this.addSql(
      `create table "account" ("id" uuid not null, "email" varchar(254) not null, "password_hash" varchar(200) null, "role" varchar(30) not null, "municipality_id" uuid null, "language" varchar(2) not null default 'nl', "high_contrast" boolean not null default false, "start_permit_id" uuid null, "created_at" timestamptz not null, constraint "account_pkey" primary key ("id"));`,
    );
    this.addSql(`alter table "account" add constraint "account_email_unique" unique ("email");`);

    this.addSql(
      `create table "product_type" ("id" uuid not null, "municipality_id" uuid not null, "code" varchar(60) not null, "kind" varchar(30) not null, "name" jsonb not null, "balance_unit" varchar(10) null, "minute_counting" varchar(12) not null default 'started', "session_policy" jsonb null, "top_up_policy" jsonb null, "eligibility" jsonb not null, "delegation_allowed" boolean not null default false, "one_per_address" boolean not null default false, constraint "product_type_pkey" primary key ("id"));`,
    );
    this.addSql(
      `alter table "product_type" add constraint "product_type_municipality_id_code_unique" unique ("municipality_id", "code");`,
    );

    this.addSql(
      `create table "zone" ("id" uuid not null, "municipality_id" uuid not null, "code" varchar(20) not null, "name" varchar(120) not null, "regime" jsonb not null, "excluded_holder_types" jsonb not null, constraint "zone_pkey" primary key ("id"));`,
    );
    this.addSql(
      `alter table "zone" add constraint "zone_municipality_id_code_unique" unique ("municipality_id", "code");`,
    );

    this.addSql(
      `create table "tariff" ("id" uuid not null, "product_type_id" uuid not null, "zone_id" uuid not null, "valid_from" varchar(10) not null, "cents_per_hour" int not null, constraint "tariff_pkey" primary key ("id"));`,
    );
    this.addSql(
      `alter table "tariff" add constraint "tariff_product_type_id_zone_id_valid_from_unique" unique ("product_type_id", "zone_id", "valid_from");`,
    );

    this.addSql(
      `create table "permit" ("id" uuid not null, "municipality_id" uuid not null, "product_type_id" uuid not null, "zone_id" uuid not null, "holder_id" uuid null, "holder_type" varchar(30) not null, "address_key" varchar(80) not null, "address_label" varchar(200) not null, "valid_from" timestamptz not null, "valid_until" timestamptz null, "status" varchar(30) not null default 'active', "product_code" varchar(20) not null, "pin_hash" varchar(200) not null, "balance" int not null default 0, "version" int not null default 1, "address_slot" varchar(80) null, "created_at" timestamptz not null, constraint "permit_pkey" primary key ("id"));`,
    );
    this.addSql(
      `alter table "permit" add constraint "permit_product_code_unique" unique ("product_code");`,
    );
    this.addSql(
      `alter table "permit" add constraint "permit_product_type_id_address_slot_unique" unique ("product_type_id", "address_slot");`,
    );

    this.addSql(
      `create table "permit_plate" ("id" uuid not null, "permit_id" uuid not null, "plate" varchar(10) not null, "country" varchar(2) not null default 'NL', "active_slot" uuid null, constraint "permit_plate_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "permit_plate_plate_index" on "permit_plate" ("plate");`);
    this.addSql(
      `alter table "permit_plate" add constraint "permit_plate_active_slot_unique" unique ("active_slot");`,
    );
    this.addSql(
      `alter table "permit_plate" add constraint "permit_plate_permit_id_plate_unique" unique ("permit_id", "plate");`,
    );

    this.addSql(
      `create table "parking_session" ("id" uuid not null, "permit_id" uuid not null, "plate" varchar(10) not null, "country" varchar(2) not null default 'NL', "start" timestamptz not null, "end" timestamptz not null, "stopped_at" timestamptz null, "reservation" int not null, "charge" int null, "started_by_id" uuid null, "channel" varchar(30) not null, "status" varchar(30) not null, "created_at" timestamptz not null, constraint "parking_session_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "parking_session_permit_id_status_index" on "parking_session" ("permit_id", "status");`,
    );
    this.addSql(
      `create index "parking_session_plate_status_index" on "parking_session" ("plate", "status");`,
    );

    this.addSql(
      `create table "ledger_entry" ("id" uuid not null, "permit_id" uuid not null, "kind" varchar(30) not null, "amount" int not null, "balance_after" int not null, "session_id" uuid null, "idempotency_key" varchar(100) null, "created_by_id" uuid null, "created_at" timestamptz not null, constraint "ledger_entry_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "ledger_entry_permit_id_created_at_index" on "ledger_entry" ("permit_id", "created_at");`,
    );
    this.addSql(
      `alter table "ledger_entry" add constraint "ledger_entry_permit_id_idempotency_key_unique" unique ("permit_id", "idempotency_key");`,
    );

    this.addSql(
      `alter table "account" add constraint "account_municipality_id_foreign" foreign key ("municipality_id") references "municipality" ("id") on update cascade on delete set null;`,
    );

    this.addSql(
      `alter table "product_type" add constraint "product_type_municipality_id_foreign" foreign key ("municipality_id") references "municipality" ("id") on update cascade;`,
    );

    this.addSql(
      `alter table "zone" add constraint "zone_municipality_id_foreign" foreign key ("municipality_id") references "municipality" ("id") on update cascade;`,
    );

    this.addSql(
      `alter table "tariff" add constraint "tariff_product_type_id_foreign" foreign key ("product_type_id") references "product_type" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "tariff" add constraint "tariff_zone_id_foreign" foreign key ("zone_id") references "zone" ("id") on update cascade;`,
    );

    this.addSql(
      `alter table "permit" add constraint "permit_municipality_id_foreign" foreign key ("municipality_id") references "municipality" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "permit" add constraint "permit_product_type_id_foreign" foreign key ("product_type_id") references "product_type" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "permit" add constraint "permit_zone_id_foreign" foreign key ("zone_id") references "zone" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "permit" add constraint "permit_holder_id_foreign" foreign key ("holder_id") references "account" ("id") on update cascade on delete set null;`,
    );

    this.addSql(
      `alter table "permit_plate" add constraint "permit_plate_permit_id_foreign" foreign key ("permit_id") references "permit" ("id") on update cascade;`,
    );

    this.addSql(
      `alter table "parking_session" add constraint "parking_session_permit_id_foreign" foreign key ("permit_id") references "permit" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "parking_session" add constraint "parking_session_started_by_id_foreign" foreign key ("started_by_id") references "account" ("id") on update cascade on delete set null;`,
    );

    this.addSql(
      `alter table "ledger_entry" add constraint "ledger_entry_permit_id_foreign" foreign key ("permit_id") references "permit" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "ledger_entry" add constraint "ledger_entry_session_id_foreign" foreign key ("session_id") references "parking_session" ("id") on update cascade on delete set null;`,
    );
    this.addSql(
      `alter table "ledger_entry" add constraint "ledger_entry_created_by_id_foreign" foreign key ("created_by_id") references "account" ("id") on update cascade on delete set null;`,
    );
  }
}
