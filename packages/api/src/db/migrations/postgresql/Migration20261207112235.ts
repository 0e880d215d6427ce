import { Migration } from '@mikro-orm/migrations';

export class Migration20261207112235 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "phone_call" add column "version" int not null default 1;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "phone_call" drop column "version";`);
  }
}
