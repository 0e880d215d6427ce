import { Migration } from '@mikro-orm/migrations';

export class Migration20261207041712 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table \`zone_quota\` (\`id\` text not null, \`municipality_id\` text not null, \`zone_id\` text not null, \`product_type_id\` text not null, \`limit\` integer not null, \`offer_days\` integer not null default 14, \`claims\` integer not null default 0, \`updated_at\` datetime not null, constraint \`zone_quota_municipality_id_foreign\` foreign key(\`municipality_id\`) references \`municipality\`(\`id\`) on update cascade, constraint \`zone_quota_zone_id_foreign\` foreign key(\`zone_id\`) references \`zone\`(\`id\`) on update cascade, constraint \`zone_quota_product_type_id_foreign\` foreign key(\`product_type_id\`) references \`product_type\`(\`id\`) on update cascade, primary key (\`id\`));`,
    );
    this.addSql(
      `create index \`zone_quota_municipality_id_index\` on \`zone_quota\` (\`municipality_id\`);`,
    );
    this.addSql(`create index \`zone_quota_zone_id_index\` on \`zone_quota\` (\`zone_id\`);`);
    this.addSql(
      `create index \`zone_quota_product_type_id_index\` on \`zone_quota\` (\`product_type_id\`);`,
    );
    this.addSql(
      `create unique index \`zone_quota_zone_id_product_type_id_unique\` on \`zone_quota\` (\`zone_id\`, \`product_type_id\`);`,
    );

    this.addSql(`alter table \`permit_application\` add column \`waitlist_rank\` integer null;`);
    this.addSql(
      `alter table \`permit_application\` add column \`offer_expires_at\` datetime null;`,
    );
  }
}
