import { StaticLimitationKeys } from '@csms/stations';
import { Injectable } from '@nestjs/common';
import { StationTemplateRepository } from '../station-template.repository';

/** Answers the stations domain which configuration key a station's template limits power with. */
@Injectable()
export class StaticLimitationKeysService extends StaticLimitationKeys {
  constructor(private readonly templates: StationTemplateRepository) {
    super();
  }

  async keyOf(templateId: string): Promise<string | undefined> {
    return (await this.templates.findById(templateId))?.staticPowerLimitationKey ?? undefined;
  }
}
