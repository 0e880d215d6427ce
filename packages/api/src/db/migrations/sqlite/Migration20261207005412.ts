import { Migration } from '@mikro-orm/migrations';

/**
 * Mails carry attachments (a decision letter), and an upload belongs to no town until the counter
 * attaches it to an application. SQLite cannot drop a NOT NULL, so permit_document is copied
 * into its new shape (it is new in this release and holds few rows).
 */
export class Migration20261207005412 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table \`mail_outbox\` add column \`attachments\` json null;`);

    this.addSql(`pragma defer_foreign_keys = on;`);
    this.addSql(
      `create table \`permit_document_new\` (\`id\` text not null, \`municipality_id\` text null, \`permit_id\` text null, \`application_id\` text null, \`kind\` text not null, \`letter_kind\` text null, \`requirement\` text null, \`file_name\` text not null, \`content_type\` text not null, \`content\` blob null, \`size\` integer not null default 0, \`letter_data\` json null, \`created_by_id\` text null, \`created_at\` datetime not null, constraint \`permit_document_municipality_id_foreign\` foreign key(\`municipality_id\`) references \`municipality\`(\`id\`) on delete set null on update cascade, constraint \`permit_document_permit_id_foreign\` foreign key(\`permit_id\`) references \`permit\`(\`id\`) on delete set null on update cascade, constraint \`permit_document_application_id_foreign\` foreign key(\`application_id\`) references \`permit_application\`(\`id\`) on delete set null on update cascade, constraint \`permit_document_created_by_id_foreign\` foreign key(\`created_by_id\`) references \`account\`(\`id\`) on delete set null on update cascade, primary key (\`id\`));`,
    );
    this.addSql(
      `insert into \`permit_document_new\` select id, municipality_id, permit_id, application_id, kind, letter_kind, requirement, file_name, content_type, content, size, letter_data, created_by_id, created_at from \`permit_document\`;`,
    );
    this.addSql(`drop table \`permit_document\`;`);
    this.addSql(`alter table \`permit_document_new\` rename to \`permit_document\`;`);
    for (const column of ['municipality_id', 'permit_id', 'application_id', 'created_by_id']) {
      this.addSql(
        `create index \`permit_document_${column}_index\` on \`permit_document\` (\`${column}\`);`,
      );
    }
  }
}
