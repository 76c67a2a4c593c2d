import { isDuplicateKeyError } from '@csms/database';
import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { StationTemplateRepository } from '../station-template.repository';
import { BUILT_IN_TEMPLATES, BuiltInTemplate } from './built-in-templates';

/** At start: the built-in templates missing from the database are inserted; existing ones are left as edited. */
@Injectable()
export class BuiltInTemplatesSeeder implements OnApplicationBootstrap {
  private readonly logger = new Logger(BuiltInTemplatesSeeder.name);

  constructor(private readonly templates: StationTemplateRepository) {}

  async onApplicationBootstrap(): Promise<void> {
    const inserted = await Promise.all(BUILT_IN_TEMPLATES.map((template) => this.seed(template)));
    const count = inserted.filter(Boolean).length;
    if (count) this.logger.log(`Seeded ${count} built-in station template(s)`);
  }

  private async seed({ id, fields }: BuiltInTemplate): Promise<boolean> {
    try {
      return await this.templates.insertIfMissing(id, fields);
    } catch (error) {
      // Several instances starting on one database: another one inserted it.
      if (isDuplicateKeyError(error)) return false;
      throw error;
    }
  }
}
