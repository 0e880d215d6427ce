import { Migration } from '@mikro-orm/migrations';

export class Migration20261206195124 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table \`payment\` add column \`refund_reason\` text null;`);
    this.addSql(`alter table \`payment\` add column \`refund_ref\` text null;`);
    this.addSql(`alter table \`payment\` add column \`refunded_at\` datetime null;`);
  }
}
