import { Migration } from '@mikro-orm/migrations';

export class Migration20261121222956 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table \`audit_entry\` (\`id\` text not null, \`municipality_id\` text null, \`actor_id\` text not null, \`at\` datetime not null, \`action\` text not null, \`subject_type\` text not null, \`subject_id\` text not null, \`subject_label\` text not null default '', \`before\` json null, \`after\` json null, constraint \`audit_entry_municipality_id_foreign\` foreign key(\`municipality_id\`) references \`municipality\`(\`id\`) on delete set null on update cascade, constraint \`audit_entry_actor_id_foreign\` foreign key(\`actor_id\`) references \`account\`(\`id\`) on update cascade, primary key (\`id\`));`,
    );
    this.addSql(
      `create index \`audit_entry_municipality_id_index\` on \`audit_entry\` (\`municipality_id\`);`,
    );
    this.addSql(`create index \`audit_entry_actor_id_index\` on \`audit_entry\` (\`actor_id\`);`);
    this.addSql(
      `create index \`audit_entry_subject_id_index\` on \`audit_entry\` (\`subject_id\`);`,
    );
    this.addSql(
      `create index \`audit_entry_municipality_id_at_index\` on \`audit_entry\` (\`municipality_id\`, \`at\`);`,
    );

    this.addSql(
      `create table \`fine_waiver\` (\`id\` text not null, \`permit_id\` text not null, \`fine_reference\` text not null, \`fine_date\` text not null, \`status\` text not null default 'pending', \`requested_at\` datetime not null, \`recorded_by_id\` text not null, \`decision_reason\` text null, \`decided_by_id\` text null, \`decided_at\` datetime null, constraint \`fine_waiver_permit_id_foreign\` foreign key(\`permit_id\`) references \`permit\`(\`id\`) on update cascade, constraint \`fine_waiver_recorded_by_id_foreign\` foreign key(\`recorded_by_id\`) references \`account\`(\`id\`) on update cascade, constraint \`fine_waiver_decided_by_id_foreign\` foreign key(\`decided_by_id\`) references \`account\`(\`id\`) on delete set null on update cascade, primary key (\`id\`));`,
    );
    this.addSql(`create index \`fine_waiver_permit_id_index\` on \`fine_waiver\` (\`permit_id\`);`);
    this.addSql(
      `create index \`fine_waiver_recorded_by_id_index\` on \`fine_waiver\` (\`recorded_by_id\`);`,
    );
    this.addSql(
      `create index \`fine_waiver_decided_by_id_index\` on \`fine_waiver\` (\`decided_by_id\`);`,
    );

    this.addSql(
      `create table \`care_grant\` (\`id\` text not null, \`permit_id\` text not null, \`minutes\` integer not null, \`carer_statement\` text not null, \`ledger_entry_id\` text not null, \`granted_by_id\` text not null, \`created_at\` datetime not null, constraint \`care_grant_permit_id_foreign\` foreign key(\`permit_id\`) references \`permit\`(\`id\`) on update cascade, constraint \`care_grant_ledger_entry_id_foreign\` foreign key(\`ledger_entry_id\`) references \`ledger_entry\`(\`id\`) on update cascade, constraint \`care_grant_granted_by_id_foreign\` foreign key(\`granted_by_id\`) references \`account\`(\`id\`) on update cascade, primary key (\`id\`));`,
    );
    this.addSql(`create index \`care_grant_permit_id_index\` on \`care_grant\` (\`permit_id\`);`);
    this.addSql(
      `create index \`care_grant_ledger_entry_id_index\` on \`care_grant\` (\`ledger_entry_id\`);`,
    );
    this.addSql(
      `create index \`care_grant_granted_by_id_index\` on \`care_grant\` (\`granted_by_id\`);`,
    );

    this.addSql(
      `create table \`outage_compensation\` (\`id\` text not null, \`zone_id\` text not null, \`window_start\` datetime not null, \`window_end\` datetime not null, \`reason\` text not null, \`sessions_credited\` integer not null default 0, \`created_by_id\` text not null, \`created_at\` datetime not null, constraint \`outage_compensation_zone_id_foreign\` foreign key(\`zone_id\`) references \`zone\`(\`id\`) on update cascade, constraint \`outage_compensation_created_by_id_foreign\` foreign key(\`created_by_id\`) references \`account\`(\`id\`) on update cascade, primary key (\`id\`));`,
    );
    this.addSql(
      `create index \`outage_compensation_zone_id_index\` on \`outage_compensation\` (\`zone_id\`);`,
    );
    this.addSql(
      `create index \`outage_compensation_created_by_id_index\` on \`outage_compensation\` (\`created_by_id\`);`,
    );

    this.addSql(`alter table \`tariff\` add column \`valid_until\` text null;`);
    this.addSql(
      `update tariff set valid_until = (select min(n.valid_from) from tariff n where n.product_type_id = tariff.product_type_id and n.zone_id = tariff.zone_id and n.valid_from > tariff.valid_from);`,
    );
    this.addSql(
      `create index tariff_periods_do_not_overlap on tariff (product_type_id, zone_id, valid_from);`,
    );
    // SQLite has no exclusion constraints: triggers refuse a period that shares a day with another.
    this.addSql(
      `create trigger tariff_periods_do_not_overlap_insert before insert on tariff when exists (select 1 from tariff t where t.product_type_id = new.product_type_id and t.zone_id = new.zone_id and t.id <> new.id and t.valid_from < coalesce(new.valid_until, '9999-12-31') and new.valid_from < coalesce(t.valid_until, '9999-12-31')) begin select raise(abort, 'tariff_periods_do_not_overlap'); end;`,
    );
    this.addSql(
      `create trigger tariff_periods_do_not_overlap_update before update on tariff when exists (select 1 from tariff t where t.product_type_id = new.product_type_id and t.zone_id = new.zone_id and t.id <> new.id and t.valid_from < coalesce(new.valid_until, '9999-12-31') and new.valid_from < coalesce(t.valid_until, '9999-12-31')) begin select raise(abort, 'tariff_periods_do_not_overlap'); end;`,
    );
  }
}
