import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { CarModelRepository } from './car-model.repository';
import OPEN_EV_DATA from './data/open-ev-data.json';
import { parseOpenEvData } from './open-ev-data';

/** At first start (an empty catalog), the Open EV Data file shipped with the CSMS fills the catalog. */
@Injectable()
export class CarCatalogSeeder implements OnApplicationBootstrap {
  private readonly logger = new Logger(CarCatalogSeeder.name);

  constructor(private readonly models: CarModelRepository) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!(await this.models.isEmpty())) return;
    const { added } = await this.models.upsertFromFile(parseOpenEvData(JSON.stringify(OPEN_EV_DATA)));
    this.logger.log(`Car catalog loaded: ${added} models from Open EV Data`);
  }
}
