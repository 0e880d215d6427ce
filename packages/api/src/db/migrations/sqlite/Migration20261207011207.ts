import { Migration } from '@mikro-orm/migrations';

export class Migration20261207011207 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table \`permit\` add column \`reminded_until\` datetime null;`);
  }
}
