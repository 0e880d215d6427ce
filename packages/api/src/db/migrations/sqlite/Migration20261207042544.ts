import { Migration } from '@mikro-orm/migrations';

export class Migration20261207042544 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `alter table \`municipality\` add column \`residence_check\` text not null default 'none';`,
    );

    this.addSql(`alter table \`identity_link\` add column \`subject_sealed\` text null;`);

    this.addSql(`alter table \`permit\` add column \`moved_at\` datetime null;`);
  }
}
