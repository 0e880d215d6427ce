import { Migration } from '@mikro-orm/migrations';

export class Migration20261206195709 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table \`enforcement_town\` (\`id\` text not null, \`account_id\` text not null, \`municipality_id\` text not null, \`created_at\` datetime not null, constraint \`enforcement_town_account_id_foreign\` foreign key(\`account_id\`) references \`account\`(\`id\`) on delete cascade on update cascade, constraint \`enforcement_town_municipality_id_foreign\` foreign key(\`municipality_id\`) references \`municipality\`(\`id\`) on delete cascade on update cascade, primary key (\`id\`));`,
    );
    this.addSql(
      `create index \`enforcement_town_account_id_index\` on \`enforcement_town\` (\`account_id\`);`,
    );
    this.addSql(
      `create index \`enforcement_town_municipality_id_index\` on \`enforcement_town\` (\`municipality_id\`);`,
    );
    this.addSql(
      `create unique index \`enforcement_town_account_id_municipality_id_unique\` on \`enforcement_town\` (\`account_id\`, \`municipality_id\`);`,
    );
    // Enforcement accounts checked every town until now: they keep doing so until narrowed.
    this.addSql(
      `insert into enforcement_town (id, account_id, municipality_id, created_at) select lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6))), a.id, m.id, cast(strftime('%s', 'now') as integer) * 1000 from account a cross join municipality m where a.role = 'enforcement';`,
    );
  }
}
