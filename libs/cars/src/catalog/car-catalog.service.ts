import { BadInputError, Connection, NotFoundError } from '@csms/common';
import { newId } from '@csms/database';
import { Injectable } from '@nestjs/common';
import { CarModel, CarModelFields, CarModelSource } from './car-model';
import { CarModelRepository } from './car-model.repository';
import { CarModelsArgs } from './dto/car-models.args';
import { CarModelInput, UpdateCarModelInput } from './dto/car-model.input';
import { parseOpenEvData } from './open-ev-data';

/** An Open EV Data file of a few hundred models is well under a megabyte; a much bigger one is refused. */
const MAX_IMPORT_CHARS = 5_000_000;

/** The car catalog: read by everyone, curated by super admins, refreshed from newer Open EV Data files. */
@Injectable()
export class CarCatalogService {
  constructor(private readonly models: CarModelRepository) {}

  list(args: CarModelsArgs): Promise<Connection<CarModel>> {
    return this.models.page({ search: args.search, brand: args.brand }, args);
  }

  brands(): Promise<string[]> {
    return this.models.brands();
  }

  async get(id: string): Promise<CarModel> {
    const model = await this.models.findById(id);
    if (!model) throw new NotFoundError('CarModel', id);
    return model;
  }

  create(input: CarModelInput): Promise<CarModel> {
    return this.models.create(newId(), { ...fieldsOf(input), acPorts: [], dcPorts: [] });
  }

  /** Sets what the input gives (the rest of the entry stays); the model counts as edited by hand from then on. */
  async update(input: UpdateCarModelInput): Promise<CarModel> {
    const existing = await this.get(input.id);
    const { id: _id, updatedAt: _updatedAt, ...kept } = existing;
    const updated = await this.models.update(input.id, { ...kept, ...fieldsOf(input) });
    if (!updated) throw new NotFoundError('CarModel', input.id);
    return updated;
  }

  importOpenEvData(json: string): Promise<{ added: number; updated: number }> {
    if (json.length > MAX_IMPORT_CHARS) {
      throw new BadInputError(`The file may have at most ${MAX_IMPORT_CHARS} characters`, { field: 'json' });
    }
    return this.models.upsertFromFile(parseOpenEvData(json));
  }
}

function fieldsOf(input: CarModelInput): Omit<CarModelFields, 'acPorts' | 'dcPorts'> {
  const curve = [...(input.dcChargingCurve ?? [])].sort((a, b) => a.soc - b.soc);
  if (new Set(curve.map((point) => point.soc)).size !== curve.length) {
    throw new BadInputError('The charging curve has a state of charge twice', { field: 'dcChargingCurve' });
  }
  return {
    brand: input.brand.trim(),
    model: input.model.trim(),
    variant: input.variant?.trim() || undefined,
    releaseYear: input.releaseYear ?? undefined,
    batteryKwh: input.batteryKwh ?? undefined,
    acMaxKw: input.acMaxKw ?? undefined,
    acPhases: input.acPhases ?? undefined,
    dcMaxKw: input.dcMaxKw ?? undefined,
    dcChargingCurve: curve.map(({ soc, powerKw }) => ({ soc, powerKw })),
    source: CarModelSource.MANUAL,
  };
}
