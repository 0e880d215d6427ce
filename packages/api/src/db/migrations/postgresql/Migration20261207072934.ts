import { Migration } from '@mikro-orm/migrations';

export class Migration20261207072934 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "product_type_zone" ("id" uuid not null, "product_type_id" uuid not null, "zone_id" uuid not null, constraint "product_type_zone_pkey" primary key ("id"));`,
    );
    this.addSql(
      `alter table "product_type_zone" add constraint "product_type_zone_product_type_id_zone_id_unique" unique ("product_type_id", "zone_id");`,
    );

    this.addSql(
      `alter table "product_type_zone" add constraint "product_type_zone_product_type_id_foreign" foreign key ("product_type_id") references "product_type" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "product_type_zone" add constraint "product_type_zone_zone_id_foreign" foreign key ("zone_id") references "zone" ("id") on update cascade on delete cascade;`,
    );

    this.addSql(
      `alter table "product_type" add column "valid_in" varchar(12) not null default 'ownZone';`,
    );
    // docs/rules.md §1 care permit: a product valid in every zone stays so.
    this.addSql(
      `update "product_type" set "valid_in" = 'allZones' where "valid_in_all_zones" = true;`,
    );
    this.addSql(`alter table "product_type" drop column "valid_in_all_zones";`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "product_type_zone" cascade;`);

    this.addSql(
      `alter table "product_type" add column "valid_in_all_zones" bool not null default false;`,
    );
    // A product that listed its zones becomes one of its own zone again: the old column knew no lists.
    this.addSql(
      `update "product_type" set "valid_in_all_zones" = true where "valid_in" = 'allZones';`,
    );
    this.addSql(`alter table "product_type" drop column "valid_in";`);
  }
}
