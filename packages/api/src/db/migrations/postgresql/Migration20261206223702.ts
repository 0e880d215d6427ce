import { Migration } from '@mikro-orm/migrations';

export class Migration20261206223702 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`drop index "ledger_entry_permit_id_created_at_index";`);
    this.addSql(`alter table "ledger_entry" add column "sequence" int null;`);
    // Rows written so far are numbered per permit in the order they were dated.
    this.addSql(
      `update "ledger_entry" l set "sequence" = numbered.n from (select id, row_number() over (partition by permit_id order by created_at, id) as n from "ledger_entry") numbered where numbered.id = l.id;`,
    );
    this.addSql(`alter table "ledger_entry" alter column "sequence" set not null;`);
    this.addSql(
      `alter table "ledger_entry" add constraint "ledger_entry_permit_id_sequence_unique" unique ("permit_id", "sequence");`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(
      `alter table "ledger_entry" drop constraint "ledger_entry_permit_id_sequence_unique";`,
    );
    this.addSql(`alter table "ledger_entry" drop column "sequence";`);

    this.addSql(
      `create index "ledger_entry_permit_id_created_at_index" on "ledger_entry" ("permit_id", "created_at");`,
    );
  }
}
