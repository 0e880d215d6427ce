import { Migration } from '@mikro-orm/migrations';

/**
 * Numbers each permit's ledger rows (`sequence`). SQLite adds a NOT NULL column only with a
 * default, which the rows must not have (the ledger writer sets every number), so the table is
 * copied into its new shape. care_grant points at ledger rows: its key check waits until the
 * commit, when the copy holds every row under its old id.
 */
export class Migration20261206223700 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`pragma defer_foreign_keys = on;`);
    this.addSql(
      `create table \`ledger_entry_sequenced\` (\`id\` text not null, \`permit_id\` text not null, \`sequence\` integer not null, \`kind\` text not null, \`amount\` integer not null, \`balance_after\` integer not null, \`session_id\` text null, \`idempotency_key\` text null, \`created_by_id\` text null, \`created_at\` datetime not null, \`pot\` text not null default 'permit', \`delegation_id\` text null, \`payment_id\` text null, constraint \`ledger_entry_permit_id_foreign\` foreign key(\`permit_id\`) references \`permit\`(\`id\`) on update cascade, constraint \`ledger_entry_session_id_foreign\` foreign key(\`session_id\`) references \`parking_session\`(\`id\`) on delete set null on update cascade, constraint \`ledger_entry_created_by_id_foreign\` foreign key(\`created_by_id\`) references \`account\`(\`id\`) on delete set null on update cascade, constraint \`ledger_entry_delegation_id_foreign\` foreign key(\`delegation_id\`) references \`delegation\`(\`id\`) on delete set null on update cascade, constraint \`ledger_entry_payment_id_foreign\` foreign key(\`payment_id\`) references \`payment\`(\`id\`) on delete set null on update cascade, primary key (\`id\`));`,
    );
    // Rows written so far are numbered per permit in the order they were dated.
    this.addSql(
      `insert into \`ledger_entry_sequenced\` (id, permit_id, sequence, kind, amount, balance_after, session_id, idempotency_key, created_by_id, created_at, pot, delegation_id, payment_id) select id, permit_id, row_number() over (partition by permit_id order by created_at, id), kind, amount, balance_after, session_id, idempotency_key, created_by_id, created_at, pot, delegation_id, payment_id from \`ledger_entry\`;`,
    );
    this.addSql(`drop table \`ledger_entry\`;`);
    this.addSql(`alter table \`ledger_entry_sequenced\` rename to \`ledger_entry\`;`);
    for (const column of [
      'permit_id',
      'session_id',
      'created_by_id',
      'delegation_id',
      'payment_id',
    ]) {
      this.addSql(
        `create index \`ledger_entry_${column}_index\` on \`ledger_entry\` (\`${column}\`);`,
      );
    }
    this.addSql(
      `create unique index \`ledger_entry_permit_id_idempotency_key_unique\` on \`ledger_entry\` (\`permit_id\`, \`idempotency_key\`);`,
    );
    this.addSql(
      `create unique index \`ledger_entry_permit_id_sequence_unique\` on \`ledger_entry\` (\`permit_id\`, \`sequence\`);`,
    );
  }
}
