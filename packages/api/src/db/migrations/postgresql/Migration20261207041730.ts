import { Migration } from '@mikro-orm/migrations';

export class Migration20261207041730 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "zone_quota" ("id" uuid not null, "municipality_id" uuid not null, "zone_id" uuid not null, "product_type_id" uuid not null, "limit" int not null, "offer_days" int not null default 14, "claims" int not null default 0, "updated_at" timestamptz not null, constraint "zone_quota_pkey" primary key ("id"));`,
    );
    this.addSql(
      `alter table "zone_quota" add constraint "zone_quota_zone_id_product_type_id_unique" unique ("zone_id", "product_type_id");`,
    );

    this.addSql(
      `alter table "zone_quota" add constraint "zone_quota_municipality_id_foreign" foreign key ("municipality_id") references "municipality" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "zone_quota" add constraint "zone_quota_zone_id_foreign" foreign key ("zone_id") references "zone" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "zone_quota" add constraint "zone_quota_product_type_id_foreign" foreign key ("product_type_id") references "product_type" ("id") on update cascade;`,
    );

    this.addSql(
      `alter table "permit_application" add column "waitlist_rank" int null, add column "offer_expires_at" timestamptz null;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "zone_quota" cascade;`);

    this.addSql(
      `alter table "permit_application" drop column "waitlist_rank", drop column "offer_expires_at";`,
    );
  }
}
