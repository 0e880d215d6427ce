import { Migration } from '@mikro-orm/migrations';

export class Migration20261121222957 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "audit_entry" ("id" uuid not null, "municipality_id" uuid null, "actor_id" uuid not null, "at" timestamptz not null, "action" varchar(60) not null, "subject_type" varchar(30) not null, "subject_id" uuid not null, "subject_label" varchar(200) not null default '', "before" jsonb null, "after" jsonb null, constraint "audit_entry_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "audit_entry_subject_id_index" on "audit_entry" ("subject_id");`);
    this.addSql(
      `create index "audit_entry_municipality_id_at_index" on "audit_entry" ("municipality_id", "at");`,
    );

    this.addSql(
      `create table "fine_waiver" ("id" uuid not null, "permit_id" uuid not null, "fine_reference" varchar(40) not null, "fine_date" varchar(10) not null, "status" varchar(10) not null default 'pending', "requested_at" timestamptz not null, "recorded_by_id" uuid not null, "decision_reason" text null, "decided_by_id" uuid null, "decided_at" timestamptz null, constraint "fine_waiver_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "fine_waiver_permit_id_index" on "fine_waiver" ("permit_id");`);

    this.addSql(
      `create table "care_grant" ("id" uuid not null, "permit_id" uuid not null, "minutes" int not null, "carer_statement" text not null, "ledger_entry_id" uuid not null, "granted_by_id" uuid not null, "created_at" timestamptz not null, constraint "care_grant_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "care_grant_permit_id_index" on "care_grant" ("permit_id");`);

    this.addSql(
      `create table "outage_compensation" ("id" uuid not null, "zone_id" uuid not null, "window_start" timestamptz not null, "window_end" timestamptz not null, "reason" varchar(300) not null, "sessions_credited" int not null default 0, "created_by_id" uuid not null, "created_at" timestamptz not null, constraint "outage_compensation_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "outage_compensation_zone_id_index" on "outage_compensation" ("zone_id");`,
    );

    this.addSql(
      `alter table "audit_entry" add constraint "audit_entry_municipality_id_foreign" foreign key ("municipality_id") references "municipality" ("id") on update cascade on delete set null;`,
    );
    this.addSql(
      `alter table "audit_entry" add constraint "audit_entry_actor_id_foreign" foreign key ("actor_id") references "account" ("id") on update cascade;`,
    );

    this.addSql(
      `alter table "fine_waiver" add constraint "fine_waiver_permit_id_foreign" foreign key ("permit_id") references "permit" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "fine_waiver" add constraint "fine_waiver_recorded_by_id_foreign" foreign key ("recorded_by_id") references "account" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "fine_waiver" add constraint "fine_waiver_decided_by_id_foreign" foreign key ("decided_by_id") references "account" ("id") on update cascade on delete set null;`,
    );

    this.addSql(
      `alter table "care_grant" add constraint "care_grant_permit_id_foreign" foreign key ("permit_id") references "permit" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "care_grant" add constraint "care_grant_ledger_entry_id_foreign" foreign key ("ledger_entry_id") references "ledger_entry" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "care_grant" add constraint "care_grant_granted_by_id_foreign" foreign key ("granted_by_id") references "account" ("id") on update cascade;`,
    );

    this.addSql(
      `alter table "outage_compensation" add constraint "outage_compensation_zone_id_foreign" foreign key ("zone_id") references "zone" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "outage_compensation" add constraint "outage_compensation_created_by_id_foreign" foreign key ("created_by_id") references "account" ("id") on update cascade;`,
    );

    this.addSql(`alter table "tariff" add column "valid_until" varchar(10) null;`);
    this.addSql(
      `update "tariff" t set "valid_until" = (select min(n."valid_from") from "tariff" n where n."product_type_id" = t."product_type_id" and n."zone_id" = t."zone_id" and n."valid_from" > t."valid_from");`,
    );
    // Two periods of one product and zone may not share a day; btree_gist lets uuids join the
    // range in one exclusion constraint (a trusted extension: the database owner may create it).
    this.addSql(`create extension if not exists btree_gist;`);
    // A text-to-date cast depends on DateStyle, so it may not be in an index; this one is fixed.
    this.addSql(
      `create function "local_date"(text) returns date language sql immutable strict parallel safe as $$ select make_date(substr($1, 1, 4)::int, substr($1, 6, 2)::int, substr($1, 9, 2)::int) $$;`,
    );
    this.addSql(
      `alter table "tariff" add constraint "tariff_periods_do_not_overlap" exclude using gist ("product_type_id" with =, "zone_id" with =, daterange("local_date"("valid_from"), "local_date"("valid_until"), '[)') with &&);`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "audit_entry" cascade;`);

    this.addSql(`drop table if exists "fine_waiver" cascade;`);

    this.addSql(`drop table if exists "care_grant" cascade;`);

    this.addSql(`drop table if exists "outage_compensation" cascade;`);

    this.addSql(`alter table "tariff" drop constraint "tariff_periods_do_not_overlap";`);
    this.addSql(`drop function if exists "local_date"(text);`);
    this.addSql(`alter table "tariff" drop column "valid_until";`);
  }
}
