import { Migration } from '@mikro-orm/migrations';

export class Migration20261207142117 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table \`partner_key\` (\`id\` text not null, \`municipality_id\` text not null, \`partner_name\` text not null, \`label\` text not null, \`scopes\` json not null, \`secret_hash\` text not null, \`previous_secret_hash\` text null, \`previous_secret_expires_at\` datetime null, \`requests_per_minute\` integer null, \`cost_per_minute\` integer null, \`created_by_id\` text null, \`created_at\` datetime not null, \`rotated_at\` datetime null, \`revoked_at\` datetime null, \`last_used_at\` datetime null, constraint \`partner_key_municipality_id_foreign\` foreign key(\`municipality_id\`) references \`municipality\`(\`id\`) on delete cascade on update cascade, constraint \`partner_key_created_by_id_foreign\` foreign key(\`created_by_id\`) references \`account\`(\`id\`) on delete set null on update cascade, primary key (\`id\`));`,
    );
    this.addSql(
      `create index \`partner_key_municipality_id_index\` on \`partner_key\` (\`municipality_id\`);`,
    );
    this.addSql(
      `create index \`partner_key_created_by_id_index\` on \`partner_key\` (\`created_by_id\`);`,
    );
    this.addSql(
      `create index \`partner_key_municipality_id_created_at_index\` on \`partner_key\` (\`municipality_id\`, \`created_at\`);`,
    );

    this.addSql(
      `create table \`partner_key_usage\` (\`id\` text not null, \`partner_key_id\` text not null, \`day\` text not null, \`requests\` integer not null, constraint \`partner_key_usage_partner_key_id_foreign\` foreign key(\`partner_key_id\`) references \`partner_key\`(\`id\`) on delete cascade on update cascade, primary key (\`id\`));`,
    );
    this.addSql(
      `create index \`partner_key_usage_partner_key_id_index\` on \`partner_key_usage\` (\`partner_key_id\`);`,
    );
    this.addSql(
      `create unique index \`partner_key_usage_partner_key_id_day_unique\` on \`partner_key_usage\` (\`partner_key_id\`, \`day\`);`,
    );

    // SQLite cannot make checked_by_id nullable in place: the table is rebuilt (as in
    // Migration20261207112958), with foreign keys off so fine_waiver's references stay.
    this.addSql(`pragma foreign_keys = off;`);
    this.addSql(
      `create table \`right_check_log__temp_alter\` (\`id\` text not null, \`checked_by_id\` text null, \`checked_at\` datetime not null, \`checked_for\` datetime not null, \`zone_id\` text not null, \`valid\` integer not null, \`right_kind\` text null, \`created_at\` datetime not null, \`fine_reference\` text null, \`fined_at\` datetime null, \`kept_until\` datetime null, \`partner_key_id\` text null, constraint \`right_check_log_checked_by_id_foreign\` foreign key(\`checked_by_id\`) references \`account\`(\`id\`) on update cascade on delete set null, constraint \`right_check_log_zone_id_foreign\` foreign key(\`zone_id\`) references \`zone\`(\`id\`) on update cascade, constraint \`right_check_log_partner_key_id_foreign\` foreign key(\`partner_key_id\`) references \`partner_key\`(\`id\`) on update cascade on delete set null, primary key (\`id\`));`,
    );
    this.addSql(
      `insert into \`right_check_log__temp_alter\` select \`id\`, \`checked_by_id\`, \`checked_at\`, \`checked_for\`, \`zone_id\`, \`valid\`, \`right_kind\`, \`created_at\`, \`fine_reference\`, \`fined_at\`, \`kept_until\`, null from \`right_check_log\`;`,
    );
    this.addSql(`drop table \`right_check_log\`;`);
    this.addSql(`alter table \`right_check_log__temp_alter\` rename to \`right_check_log\`;`);
    this.addSql(
      `create index \`right_check_log_checked_by_id_index\` on \`right_check_log\` (\`checked_by_id\`);`,
    );
    this.addSql(
      `create index \`right_check_log_checked_at_index\` on \`right_check_log\` (\`checked_at\`);`,
    );
    this.addSql(
      `create index \`right_check_log_zone_id_index\` on \`right_check_log\` (\`zone_id\`);`,
    );
    this.addSql(
      `create index \`right_check_log_fine_reference_index\` on \`right_check_log\` (\`fine_reference\`);`,
    );
    this.addSql(
      `create index \`right_check_log_partner_key_id_index\` on \`right_check_log\` (\`partner_key_id\`);`,
    );
    this.addSql(`pragma foreign_keys = on;`);
  }
}
