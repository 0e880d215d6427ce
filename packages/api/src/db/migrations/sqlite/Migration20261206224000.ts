import { Migration } from '@mikro-orm/migrations';

export class Migration20261206224000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table \`idempotency_claim\` add column \`worked_at\` datetime null;`);
  }
}
