import { Migration } from '@mikro-orm/migrations';

export class Migration20261207004708 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "permit_application" ("id" uuid not null, "municipality_id" uuid not null, "product_type_id" uuid not null, "kind" varchar(20) not null, "zone_id" uuid null, "permit_id" uuid null, "applicant_id" uuid not null, "actor_id" uuid not null, "holder_type" varchar(30) not null, "address_key" varchar(80) not null, "address_label" varchar(200) not null, "plates" jsonb not null, "valid_from" timestamptz not null, "valid_until" timestamptz null, "price_cents" int not null, "fee_cents" int not null, "total_cents" int not null, "status" varchar(20) not null, "review_cases" jsonb not null, "explanation" text null, "contact_email" varchar(254) null, "language" varchar(2) not null default 'nl', "idempotency_key" varchar(100) not null, "created_at" timestamptz not null, "decided_by_id" uuid null, "decided_at" timestamptz null, "decision_reason" text null, constraint "permit_application_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "permit_application_permit_id_index" on "permit_application" ("permit_id");`,
    );
    this.addSql(
      `create index "permit_application_applicant_id_index" on "permit_application" ("applicant_id");`,
    );
    this.addSql(
      `create index "permit_application_status_index" on "permit_application" ("status");`,
    );
    this.addSql(
      `create index "permit_application_municipality_id_status_index" on "permit_application" ("municipality_id", "status");`,
    );
    this.addSql(
      `alter table "permit_application" add constraint "permit_application_applicant_id_idempotency_key_unique" unique ("applicant_id", "idempotency_key");`,
    );

    this.addSql(
      `create table "permit_document" ("id" uuid not null, "municipality_id" uuid not null, "permit_id" uuid null, "application_id" uuid null, "kind" varchar(10) not null, "letter_kind" varchar(20) null, "requirement" varchar(60) null, "file_name" varchar(200) not null, "content_type" varchar(100) not null, "content" bytea null, "size" int not null default 0, "letter_data" jsonb null, "created_by_id" uuid null, "created_at" timestamptz not null, constraint "permit_document_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "permit_document_permit_id_index" on "permit_document" ("permit_id");`,
    );
    this.addSql(
      `create index "permit_document_application_id_index" on "permit_document" ("application_id");`,
    );

    this.addSql(
      `alter table "permit_application" add constraint "permit_application_municipality_id_foreign" foreign key ("municipality_id") references "municipality" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "permit_application" add constraint "permit_application_product_type_id_foreign" foreign key ("product_type_id") references "product_type" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "permit_application" add constraint "permit_application_zone_id_foreign" foreign key ("zone_id") references "zone" ("id") on update cascade on delete set null;`,
    );
    this.addSql(
      `alter table "permit_application" add constraint "permit_application_permit_id_foreign" foreign key ("permit_id") references "permit" ("id") on update cascade on delete set null;`,
    );
    this.addSql(
      `alter table "permit_application" add constraint "permit_application_applicant_id_foreign" foreign key ("applicant_id") references "account" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "permit_application" add constraint "permit_application_actor_id_foreign" foreign key ("actor_id") references "account" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "permit_application" add constraint "permit_application_decided_by_id_foreign" foreign key ("decided_by_id") references "account" ("id") on update cascade on delete set null;`,
    );

    this.addSql(
      `alter table "permit_document" add constraint "permit_document_municipality_id_foreign" foreign key ("municipality_id") references "municipality" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "permit_document" add constraint "permit_document_permit_id_foreign" foreign key ("permit_id") references "permit" ("id") on update cascade on delete set null;`,
    );
    this.addSql(
      `alter table "permit_document" add constraint "permit_document_application_id_foreign" foreign key ("application_id") references "permit_application" ("id") on update cascade on delete set null;`,
    );
    this.addSql(
      `alter table "permit_document" add constraint "permit_document_created_by_id_foreign" foreign key ("created_by_id") references "account" ("id") on update cascade on delete set null;`,
    );

    this.addSql(`alter table "payment" drop constraint "payment_permit_id_foreign";`);

    this.addSql(
      `alter table "municipality" add column "administration_fee_cents" int not null default 0;`,
    );

    this.addSql(`alter table "product_type" add column "counter" jsonb null;`);

    this.addSql(
      `alter table "payment" add column "purpose" varchar(20) not null default 'topUp', add column "application_id" uuid null, add column "refund_cents" int null;`,
    );
    this.addSql(`alter table "payment" alter column "permit_id" drop default;`);
    this.addSql(
      `alter table "payment" alter column "permit_id" type uuid using ("permit_id"::text::uuid);`,
    );
    this.addSql(`alter table "payment" alter column "permit_id" drop not null;`);
    this.addSql(
      `alter table "payment" add constraint "payment_application_id_foreign" foreign key ("application_id") references "permit_application" ("id") on update cascade on delete set null;`,
    );
    this.addSql(
      `alter table "payment" add constraint "payment_permit_id_foreign" foreign key ("permit_id") references "permit" ("id") on update cascade on delete set null;`,
    );
    this.addSql(`create index "payment_application_id_index" on "payment" ("application_id");`);

    this.addSql(`alter table "ledger_entry" add column "money_cents" int null;`);
  }

  override async down(): Promise<void> {
    this.addSql(
      `alter table "permit_document" drop constraint "permit_document_application_id_foreign";`,
    );

    this.addSql(`alter table "payment" drop constraint "payment_application_id_foreign";`);

    this.addSql(`drop table if exists "permit_application" cascade;`);

    this.addSql(`drop table if exists "permit_document" cascade;`);

    this.addSql(`alter table "payment" drop constraint "payment_permit_id_foreign";`);

    this.addSql(`alter table "ledger_entry" drop column "money_cents";`);

    this.addSql(`alter table "municipality" drop column "administration_fee_cents";`);

    this.addSql(`drop index "payment_application_id_index";`);
    this.addSql(
      `alter table "payment" drop column "purpose", drop column "application_id", drop column "refund_cents";`,
    );

    this.addSql(`alter table "payment" alter column "permit_id" drop default;`);
    this.addSql(
      `alter table "payment" alter column "permit_id" type uuid using ("permit_id"::text::uuid);`,
    );
    this.addSql(`alter table "payment" alter column "permit_id" set not null;`);
    this.addSql(
      `alter table "payment" add constraint "payment_permit_id_foreign" foreign key ("permit_id") references "permit" ("id") on update cascade on delete no action;`,
    );

    this.addSql(`alter table "product_type" drop column "counter";`);
  }
}
