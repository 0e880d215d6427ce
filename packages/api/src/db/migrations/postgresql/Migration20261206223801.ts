import { Migration } from '@mikro-orm/migrations';

export class Migration20261206223801 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "care_request" ("id" uuid not null, "permit_id" uuid not null, "minutes" int not null, "carer_statement" text not null, "status" varchar(10) not null default 'pending', "requested_by_id" uuid not null, "requested_at" timestamptz not null, "decision_reason" text null, "decided_by_id" uuid null, "decided_at" timestamptz null, "care_grant_id" uuid null, constraint "care_request_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "care_request_permit_id_index" on "care_request" ("permit_id");`);
    this.addSql(`create index "care_request_status_index" on "care_request" ("status");`);

    this.addSql(
      `alter table "care_request" add constraint "care_request_permit_id_foreign" foreign key ("permit_id") references "permit" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "care_request" add constraint "care_request_requested_by_id_foreign" foreign key ("requested_by_id") references "account" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "care_request" add constraint "care_request_decided_by_id_foreign" foreign key ("decided_by_id") references "account" ("id") on update cascade on delete set null;`,
    );
    this.addSql(
      `alter table "care_request" add constraint "care_request_care_grant_id_foreign" foreign key ("care_grant_id") references "care_grant" ("id") on update cascade on delete set null;`,
    );

    this.addSql(
      `alter table "fine_waiver" add column "filed_by_holder" boolean not null default false, add column "plate" varchar(20) null, add column "holder_reason" text null;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "care_request" cascade;`);

    this.addSql(
      `alter table "fine_waiver" drop column "filed_by_holder", drop column "plate", drop column "holder_reason";`,
    );
  }
}
