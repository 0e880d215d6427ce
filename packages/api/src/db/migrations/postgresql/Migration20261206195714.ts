import { Migration } from '@mikro-orm/migrations';

export class Migration20261206195714 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "enforcement_town" ("id" uuid not null, "account_id" uuid not null, "municipality_id" uuid not null, "created_at" timestamptz not null, constraint "enforcement_town_pkey" primary key ("id"));`,
    );
    this.addSql(
      `alter table "enforcement_town" add constraint "enforcement_town_account_id_municipality_id_unique" unique ("account_id", "municipality_id");`,
    );

    this.addSql(
      `alter table "enforcement_town" add constraint "enforcement_town_account_id_foreign" foreign key ("account_id") references "account" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "enforcement_town" add constraint "enforcement_town_municipality_id_foreign" foreign key ("municipality_id") references "municipality" ("id") on update cascade on delete cascade;`,
    );
    // Enforcement accounts checked every town until now: they keep doing so until narrowed.
    this.addSql(
      `insert into "enforcement_town" ("id", "account_id", "municipality_id", "created_at") select gen_random_uuid(), a.id, m.id, now() from "account" a cross join "municipality" m where a.role = 'enforcement';`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "enforcement_town" cascade;`);
  }
}
