import { Migration } from '@mikro-orm/migrations';

export class Migration20261207041728 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "flex_plate" ("id" uuid not null, "permit_id" uuid not null, "plate" varchar(10) not null, "country" varchar(2) not null default 'NL', "name" varchar(40) not null, "role" varchar(10) not null, "created_at" timestamptz not null, constraint "flex_plate_pkey" primary key ("id"));`,
    );
    this.addSql(
      `alter table "flex_plate" add constraint "flex_plate_permit_id_plate_unique" unique ("permit_id", "plate");`,
    );

    this.addSql(
      `alter table "flex_plate" add constraint "flex_plate_permit_id_foreign" foreign key ("permit_id") references "permit" ("id") on update cascade on delete cascade;`,
    );

    this.addSql(`alter table "product_type" add column "max_listed_plates" int null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "flex_plate" cascade;`);

    this.addSql(`alter table "product_type" drop column "max_listed_plates";`);
  }
}
