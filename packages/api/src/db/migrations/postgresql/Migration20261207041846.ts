import { Migration } from '@mikro-orm/migrations';

export class Migration20261207041846 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `alter table "permit_application" add column "establishment_number" varchar(12) null;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "permit_application" drop column "establishment_number";`);
  }
}
