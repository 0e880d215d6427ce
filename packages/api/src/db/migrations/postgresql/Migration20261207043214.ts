import { Migration } from '@mikro-orm/migrations';

export class Migration20261207043214 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "address_import" ("id" uuid not null, "municipality_id" uuid not null, "created_by_id" uuid not null, "created_at" timestamptz not null, "finished_at" timestamptz null, "format" varchar(10) not null, "file_name" varchar(200) not null, "content" text null, "status" varchar(10) not null default 'queued', "total_rows" int not null default 0, "rows_done" int not null default 0, "rows_added" int not null default 0, "rows_updated" int not null default 0, "rows_unchanged" int not null default 0, "refused_count" int not null default 0, "refused" jsonb not null, constraint "address_import_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "address_import_municipality_id_created_at_index" on "address_import" ("municipality_id", "created_at");`,
    );

    this.addSql(
      `alter table "address_import" add constraint "address_import_municipality_id_foreign" foreign key ("municipality_id") references "municipality" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "address_import" add constraint "address_import_created_by_id_foreign" foreign key ("created_by_id") references "account" ("id") on update cascade;`,
    );

    this.addSql(`alter table "municipality" add column "gemeentecode" varchar(4) null;`);

    this.addSql(`alter table "zone" add column "shape" jsonb null;`);

    this.addSql(
      `alter table "address" add column "bag_address_id" varchar(16) null, add column "bag_object_id" varchar(16) null, add column "point_x" double precision null, add column "point_y" double precision null, add column "private_parking" boolean null, add column "source" varchar(10) not null default 'town';`,
    );
    this.addSql(
      `create index "address_postcode_house_number_index" on "address" ("postcode", "house_number");`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "address_import" cascade;`);

    this.addSql(`drop index "address_postcode_house_number_index";`);
    this.addSql(
      `alter table "address" drop column "bag_address_id", drop column "bag_object_id", drop column "point_x", drop column "point_y", drop column "private_parking", drop column "source";`,
    );

    this.addSql(`alter table "municipality" drop column "gemeentecode";`);

    this.addSql(`alter table "zone" drop column "shape";`);
  }
}
