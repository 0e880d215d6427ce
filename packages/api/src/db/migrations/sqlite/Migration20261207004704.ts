import { Migration } from '@mikro-orm/migrations';

export class Migration20261207004704 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table \`permit_application\` (\`id\` text not null, \`municipality_id\` text not null, \`product_type_id\` text not null, \`kind\` text not null, \`zone_id\` text null, \`permit_id\` text null, \`applicant_id\` text not null, \`actor_id\` text not null, \`holder_type\` text not null, \`address_key\` text not null, \`address_label\` text not null, \`plates\` json not null, \`valid_from\` datetime not null, \`valid_until\` datetime null, \`price_cents\` integer not null, \`fee_cents\` integer not null, \`total_cents\` integer not null, \`status\` text not null, \`review_cases\` json not null, \`explanation\` text null, \`contact_email\` text null, \`language\` text not null default 'nl', \`idempotency_key\` text not null, \`created_at\` datetime not null, \`decided_by_id\` text null, \`decided_at\` datetime null, \`decision_reason\` text null, constraint \`permit_application_municipality_id_foreign\` foreign key(\`municipality_id\`) references \`municipality\`(\`id\`) on update cascade, constraint \`permit_application_product_type_id_foreign\` foreign key(\`product_type_id\`) references \`product_type\`(\`id\`) on update cascade, constraint \`permit_application_zone_id_foreign\` foreign key(\`zone_id\`) references \`zone\`(\`id\`) on delete set null on update cascade, constraint \`permit_application_permit_id_foreign\` foreign key(\`permit_id\`) references \`permit\`(\`id\`) on delete set null on update cascade, constraint \`permit_application_applicant_id_foreign\` foreign key(\`applicant_id\`) references \`account\`(\`id\`) on update cascade, constraint \`permit_application_actor_id_foreign\` foreign key(\`actor_id\`) references \`account\`(\`id\`) on update cascade, constraint \`permit_application_decided_by_id_foreign\` foreign key(\`decided_by_id\`) references \`account\`(\`id\`) on delete set null on update cascade, primary key (\`id\`));`,
    );
    this.addSql(
      `create index \`permit_application_municipality_id_index\` on \`permit_application\` (\`municipality_id\`);`,
    );
    this.addSql(
      `create index \`permit_application_product_type_id_index\` on \`permit_application\` (\`product_type_id\`);`,
    );
    this.addSql(
      `create index \`permit_application_zone_id_index\` on \`permit_application\` (\`zone_id\`);`,
    );
    this.addSql(
      `create index \`permit_application_permit_id_index\` on \`permit_application\` (\`permit_id\`);`,
    );
    this.addSql(
      `create index \`permit_application_applicant_id_index\` on \`permit_application\` (\`applicant_id\`);`,
    );
    this.addSql(
      `create index \`permit_application_actor_id_index\` on \`permit_application\` (\`actor_id\`);`,
    );
    this.addSql(
      `create index \`permit_application_status_index\` on \`permit_application\` (\`status\`);`,
    );
    this.addSql(
      `create index \`permit_application_decided_by_id_index\` on \`permit_application\` (\`decided_by_id\`);`,
    );
    this.addSql(
      `create index \`permit_application_municipality_id_status_index\` on \`permit_application\` (\`municipality_id\`, \`status\`);`,
    );
    this.addSql(
      `create unique index \`permit_application_applicant_id_idempotency_key_unique\` on \`permit_application\` (\`applicant_id\`, \`idempotency_key\`);`,
    );

    this.addSql(
      `create table \`permit_document\` (\`id\` text not null, \`municipality_id\` text not null, \`permit_id\` text null, \`application_id\` text null, \`kind\` text not null, \`letter_kind\` text null, \`requirement\` text null, \`file_name\` text not null, \`content_type\` text not null, \`content\` blob null, \`size\` integer not null default 0, \`letter_data\` json null, \`created_by_id\` text null, \`created_at\` datetime not null, constraint \`permit_document_municipality_id_foreign\` foreign key(\`municipality_id\`) references \`municipality\`(\`id\`) on update cascade, constraint \`permit_document_permit_id_foreign\` foreign key(\`permit_id\`) references \`permit\`(\`id\`) on delete set null on update cascade, constraint \`permit_document_application_id_foreign\` foreign key(\`application_id\`) references \`permit_application\`(\`id\`) on delete set null on update cascade, constraint \`permit_document_created_by_id_foreign\` foreign key(\`created_by_id\`) references \`account\`(\`id\`) on delete set null on update cascade, primary key (\`id\`));`,
    );
    this.addSql(
      `create index \`permit_document_municipality_id_index\` on \`permit_document\` (\`municipality_id\`);`,
    );
    this.addSql(
      `create index \`permit_document_permit_id_index\` on \`permit_document\` (\`permit_id\`);`,
    );
    this.addSql(
      `create index \`permit_document_application_id_index\` on \`permit_document\` (\`application_id\`);`,
    );
    this.addSql(
      `create index \`permit_document_created_by_id_index\` on \`permit_document\` (\`created_by_id\`);`,
    );

    this.addSql(
      `alter table \`municipality\` add column \`administration_fee_cents\` integer not null default 0;`,
    );

    this.addSql(`alter table \`product_type\` add column \`counter\` json null;`);

    // A payment may now be for an application, before any permit exists: SQLite changes a
    // column's NOT NULL only by copying the table into its new shape. Ledger rows point at
    // payments; their key check waits until the commit, when the copy holds every row.
    this.addSql(`pragma defer_foreign_keys = on;`);
    this.addSql(
      `create table \`payment_counter\` (\`id\` text not null, \`purpose\` text not null default 'topUp', \`permit_id\` text null, \`application_id\` text null, \`account_id\` text not null, \`amount\` integer not null, \`price_cents\` integer not null, \`fee_cents\` integer not null, \`total_cents\` integer not null, \`provider\` text not null, \`provider_ref\` text null, \`status\` text not null default 'open', \`idempotency_key\` text not null, \`created_at\` datetime not null, \`completed_at\` datetime null, \`refund_reason\` text null, \`refund_cents\` integer null, \`refund_ref\` text null, \`refunded_at\` datetime null, constraint \`payment_permit_id_foreign\` foreign key(\`permit_id\`) references \`permit\`(\`id\`) on delete set null on update cascade, constraint \`payment_application_id_foreign\` foreign key(\`application_id\`) references \`permit_application\`(\`id\`) on delete set null on update cascade, constraint \`payment_account_id_foreign\` foreign key(\`account_id\`) references \`account\`(\`id\`) on update cascade, primary key (\`id\`));`,
    );
    this.addSql(
      `insert into \`payment_counter\` (id, permit_id, account_id, amount, price_cents, fee_cents, total_cents, provider, provider_ref, status, idempotency_key, created_at, completed_at, refund_reason, refund_ref, refunded_at) select id, permit_id, account_id, amount, price_cents, fee_cents, total_cents, provider, provider_ref, status, idempotency_key, created_at, completed_at, refund_reason, refund_ref, refunded_at from \`payment\`;`,
    );
    this.addSql(`drop table \`payment\`;`);
    this.addSql(`alter table \`payment_counter\` rename to \`payment\`;`);
    for (const column of ['permit_id', 'application_id', 'account_id']) {
      this.addSql(`create index \`payment_${column}_index\` on \`payment\` (\`${column}\`);`);
    }
    this.addSql(
      `create unique index \`payment_provider_ref_unique\` on \`payment\` (\`provider_ref\`);`,
    );
    this.addSql(
      `create unique index \`payment_permit_id_idempotency_key_unique\` on \`payment\` (\`permit_id\`, \`idempotency_key\`);`,
    );

    this.addSql(`alter table \`ledger_entry\` add column \`money_cents\` integer null;`);
  }
}
