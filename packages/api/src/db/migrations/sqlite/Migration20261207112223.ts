import { Migration } from '@mikro-orm/migrations';

export class Migration20261207112223 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table \`phone_call\` add column \`version\` integer not null default 1;`);
  }
}
