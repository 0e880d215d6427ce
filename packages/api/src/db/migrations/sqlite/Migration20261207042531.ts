import { Migration } from '@mikro-orm/migrations';

export class Migration20261207042531 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `alter table \`product_type\` add column \`valid_in_all_zones\` integer not null default false;`,
    );

    this.addSql(`alter table \`zone\` add column \`emission_rule\` json null;`);
  }
}
