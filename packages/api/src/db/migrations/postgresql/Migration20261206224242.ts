import { Migration } from '@mikro-orm/migrations';

export class Migration20261206224242 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "address" ("id" uuid not null, "municipality_id" uuid not null, "postcode" varchar(6) not null, "house_number" int not null, "addition" varchar(10) not null, "key" varchar(80) not null, "label" varchar(200) not null, "zone_id" uuid null, constraint "address_pkey" primary key ("id"));`,
    );
    this.addSql(
      `alter table "address" add constraint "address_municipality_id_key_unique" unique ("municipality_id", "key");`,
    );
    this.addSql(
      `alter table "address" add constraint "address_municipality_id_postcode_house_number_addition_unique" unique ("municipality_id", "postcode", "house_number", "addition");`,
    );

    this.addSql(
      `alter table "address" add constraint "address_municipality_id_foreign" foreign key ("municipality_id") references "municipality" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "address" add constraint "address_zone_id_foreign" foreign key ("zone_id") references "zone" ("id") on update cascade on delete set null;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "address" cascade;`);
  }
}
