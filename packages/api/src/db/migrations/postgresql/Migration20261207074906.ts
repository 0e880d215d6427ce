import { Migration } from '@mikro-orm/migrations';

export class Migration20261207074906 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `alter table "municipality" add column "objection_period_days" int not null default 42;`,
    );

    this.addSql(
      `alter table "right_check_log" add column "fine_reference" varchar(40) null, add column "fined_at" timestamptz null, add column "kept_until" timestamptz null;`,
    );
    this.addSql(
      `create index "right_check_log_fine_reference_index" on "right_check_log" ("fine_reference");`,
    );

    this.addSql(`alter table "fine_waiver" add column "fine_check_id" uuid null;`);
    this.addSql(
      `alter table "fine_waiver" add constraint "fine_waiver_fine_check_id_foreign" foreign key ("fine_check_id") references "right_check_log" ("id") on update cascade on delete set null;`,
    );

    this.addSql(`alter table "parking_session" add column "kept_until" timestamptz null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "fine_waiver" drop constraint "fine_waiver_fine_check_id_foreign";`);

    this.addSql(`alter table "fine_waiver" drop column "fine_check_id";`);

    this.addSql(`alter table "municipality" drop column "objection_period_days";`);

    this.addSql(`alter table "parking_session" drop column "kept_until";`);

    this.addSql(`drop index "right_check_log_fine_reference_index";`);
    this.addSql(
      `alter table "right_check_log" drop column "fine_reference", drop column "fined_at", drop column "kept_until";`,
    );
  }
}
