import {
  Connection,
  ConnectionArgs,
  DEFAULT_PAGE_SIZE,
  decodeCursor,
  encodeCursor,
  escapeRegExp,
} from '@csms/common';
import { countMatching, isDuplicateKeyError, replacementOf } from '@csms/database';
import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { FilterQuery, Model } from 'mongoose';
import { CarModel, CarModelFields, CarModelSource } from './car-model';
import { CarModelDocument } from './schemas/car-model.schema';

export interface CarModelFilter {
  /** Words that must each appear in the brand, model or variant (any case). */
  search?: string;
  brand?: string;
}

/** The catalog is global (the same cars everywhere), so this repository does not extend TenantRepository. */
@Injectable()
export class CarModelRepository {
  constructor(@InjectModel(CarModelDocument.name) private readonly model: Model<CarModelDocument>) {}

  async findById(id: string): Promise<CarModel | null> {
    const doc = await this.model.findById(id).lean<CarModelDocument>().exec();
    return doc ? toEntity(doc) : null;
  }

  async findByIds(ids: readonly string[]): Promise<CarModel[]> {
    const docs = await this.model
      .find({ _id: { $in: [...ids] } })
      .lean<CarModelDocument[]>()
      .exec();
    return docs.map(toEntity);
  }

  async isEmpty(): Promise<boolean> {
    return (await this.model.findOne({}, { _id: 1 }).lean().exec()) === null;
  }

  async create(id: string, fields: CarModelFields): Promise<CarModel> {
    const created = await this.model.create({ _id: id, ...toDocument(fields) });
    return toEntity(created.toObject());
  }

  async update(id: string, fields: CarModelFields): Promise<CarModel | null> {
    const doc = await this.model
      .findOneAndUpdate({ _id: id }, replacementOf(toDocument(fields)), { new: true })
      .lean<CarModelDocument>()
      .exec();
    return doc ? toEntity(doc) : null;
  }

  /**
   * Models of a data file: new ones are added; those still as a file gave them and different now are
   * updated; those a super admin added or edited are left alone. Returns how many were added and updated.
   */
  async upsertFromFile(
    models: { id: string; fields: CarModelFields }[],
  ): Promise<{ added: number; updated: number }> {
    const stored = new Map(
      (
        await this.model
          .find({ _id: { $in: models.map(({ id }) => id) } })
          .lean<CarModelDocument[]>()
          .exec()
      ).map((doc) => [doc._id, doc]),
    );
    const added = models
      .filter(({ id }) => !stored.has(id))
      .map(({ id, fields }) => ({ _id: id, ...toDocument(fields) }));
    const changed = models.filter(({ id, fields }) => {
      const doc = stored.get(id);
      return doc?.source === CarModelSource.OPEN_EV_DATA && !sameFields(doc, toDocument(fields));
    });
    for (const { id, fields } of changed) await this.update(id, fields);
    let inserted = 0;
    try {
      inserted = (await this.model.insertMany(added, { ordered: false })).length;
    } catch (error) {
      // Several instances loading the catalog at once: the models the others inserted are theirs to count.
      if (!isDuplicateKeyError(error)) throw error;
      inserted = (error as { insertedDocs?: unknown[] }).insertedDocs?.length ?? 0;
    }
    return { added: inserted, updated: changed.length };
  }

  async brands(): Promise<string[]> {
    const brands = await this.model.distinct('brand').exec();
    return brands.sort((a, b) => a.localeCompare(b));
  }

  /** A Relay page in name order (sortKey, _id), one row more fetched to know whether another follows. */
  async page(filter: CarModelFilter, args: ConnectionArgs): Promise<Connection<CarModel>> {
    const first = args.first ?? DEFAULT_PAGE_SIZE;
    const conditions: FilterQuery<CarModelDocument>[] = [];
    if (filter.brand) conditions.push({ brand: filter.brand });
    for (const word of (filter.search ?? '').toLowerCase().split(/\s+/).filter(Boolean)) {
      conditions.push({ sortKey: { $regex: escapeRegExp(word) } });
    }
    const matching: FilterQuery<CarModelDocument> = conditions.length ? { $and: conditions } : {};
    let query = matching;
    if (args.after) {
      const { value, id } = decodeCursor(args.after);
      query = {
        $and: [matching, { $or: [{ sortKey: { $gt: value } }, { sortKey: value, _id: { $gt: id } }] }],
      };
    }
    const [docs, totalCount] = await Promise.all([
      this.model
        .find(query)
        .sort({ sortKey: 1, _id: 1 })
        .limit(first + 1)
        .lean<CarModelDocument[]>()
        .exec(),
      countMatching(this.model, matching),
    ]);
    const edges = docs.slice(0, first).map((doc) => ({
      node: toEntity(doc),
      cursor: encodeCursor({ value: doc.sortKey, id: doc._id }),
    }));
    return {
      edges,
      totalCount,
      pageInfo: { hasNextPage: docs.length > first, endCursor: edges.at(-1)?.cursor ?? null },
    };
  }
}

/** Whether a stored model already holds every field a file gives it (absent and undefined alike). */
function sameFields(doc: CarModelDocument, fields: Omit<CarModelDocument, '_id' | 'updatedAt'>): boolean {
  return Object.entries(fields).every(
    ([key, value]) =>
      JSON.stringify(doc[key as keyof CarModelDocument] ?? null) === JSON.stringify(value ?? null),
  );
}

function toDocument(fields: CarModelFields): Omit<CarModelDocument, '_id' | 'updatedAt'> {
  return {
    ...fields,
    sortKey: [fields.brand, fields.model, fields.variant].filter(Boolean).join(' ').toLowerCase(),
    dcChargingCurve: fields.dcChargingCurve.flatMap((point) => [point.soc, point.powerKw]),
  };
}

function toEntity(doc: CarModelDocument): CarModel {
  const curve = doc.dcChargingCurve ?? [];
  return {
    id: doc._id,
    brand: doc.brand,
    model: doc.model,
    variant: doc.variant ?? undefined,
    releaseYear: doc.releaseYear ?? undefined,
    vehicleType: doc.vehicleType ?? undefined,
    drivetrain: doc.drivetrain ?? undefined,
    batteryKwh: doc.batteryKwh ?? undefined,
    acMaxKw: doc.acMaxKw ?? undefined,
    acPhases: doc.acPhases ?? undefined,
    acPorts: doc.acPorts ?? [],
    dcMaxKw: doc.dcMaxKw ?? undefined,
    dcPorts: doc.dcPorts ?? [],
    dcChargingCurve: Array.from({ length: Math.floor(curve.length / 2) }, (_, i) => ({
      soc: curve[2 * i],
      powerKw: curve[2 * i + 1],
    })),
    averageConsumptionKwhPer100Km: doc.averageConsumptionKwhPer100Km ?? undefined,
    source: doc.source as CarModelSource,
    updatedAt: doc.updatedAt ?? new Date(0),
  };
}
