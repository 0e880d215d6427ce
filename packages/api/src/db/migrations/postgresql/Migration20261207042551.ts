import { Migration } from '@mikro-orm/migrations';

export class Migration20261207042551 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `alter table "product_type" add column "valid_in_all_zones" boolean not null default false;`,
    );

    this.addSql(`alter table "zone" add column "emission_rule" jsonb null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "product_type" drop column "valid_in_all_zones";`);

    this.addSql(`alter table "zone" drop column "emission_rule";`);
  }
}
