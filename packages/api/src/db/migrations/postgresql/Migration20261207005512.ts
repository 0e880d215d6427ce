import { Migration } from '@mikro-orm/migrations';

export class Migration20261207005512 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `alter table "permit_document" drop constraint "permit_document_municipality_id_foreign";`,
    );

    this.addSql(`alter table "permit_document" alter column "municipality_id" drop default;`);
    this.addSql(
      `alter table "permit_document" alter column "municipality_id" type uuid using ("municipality_id"::text::uuid);`,
    );
    this.addSql(`alter table "permit_document" alter column "municipality_id" drop not null;`);
    this.addSql(
      `alter table "permit_document" add constraint "permit_document_municipality_id_foreign" foreign key ("municipality_id") references "municipality" ("id") on update cascade on delete set null;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(
      `alter table "permit_document" drop constraint "permit_document_municipality_id_foreign";`,
    );

    this.addSql(`alter table "permit_document" alter column "municipality_id" drop default;`);
    this.addSql(
      `alter table "permit_document" alter column "municipality_id" type uuid using ("municipality_id"::text::uuid);`,
    );
    this.addSql(`alter table "permit_document" alter column "municipality_id" set not null;`);
    this.addSql(
      `alter table "permit_document" add constraint "permit_document_municipality_id_foreign" foreign key ("municipality_id") references "municipality" ("id") on update cascade on delete no action;`,
    );
  }
}
