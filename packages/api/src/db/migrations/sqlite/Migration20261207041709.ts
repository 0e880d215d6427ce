import { Migration } from '@mikro-orm/migrations';

export class Migration20261207041709 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table \`flex_plate\` (\`id\` text not null, \`permit_id\` text not null, \`plate\` text not null, \`country\` text not null default 'NL', \`name\` text not null, \`role\` text not null, \`created_at\` datetime not null, constraint \`flex_plate_permit_id_foreign\` foreign key(\`permit_id\`) references \`permit\`(\`id\`) on delete cascade on update cascade, primary key (\`id\`));`,
    );
    this.addSql(`create index \`flex_plate_permit_id_index\` on \`flex_plate\` (\`permit_id\`);`);
    this.addSql(
      `create unique index \`flex_plate_permit_id_plate_unique\` on \`flex_plate\` (\`permit_id\`, \`plate\`);`,
    );

    this.addSql(`alter table \`product_type\` add column \`max_listed_plates\` integer null;`);
  }
}
