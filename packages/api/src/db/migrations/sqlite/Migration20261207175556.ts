import { Migration } from '@mikro-orm/migrations';

export class Migration20261207175556 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table \`payment\` add column \`method\` text not null default 'ideal';`);
  }
}
