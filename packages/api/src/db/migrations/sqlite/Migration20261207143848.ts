import { Migration } from '@mikro-orm/migrations';

export class Migration20261207143848 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `alter table \`account\` add column \`language_chosen\` integer not null default false;`,
    );
  }
}
