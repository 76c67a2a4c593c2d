import { Connection, ConnectionArgs, DEFAULT_PAGE_SIZE, decodeCursor, encodeCursor } from '@csms/common';
import { ConnectorType, CurrentType } from '@csms/stations';
import { countMatching } from '@csms/database';
import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { FilterQuery, Model } from 'mongoose';
import { StationTemplate } from './models/station-template.model';
import { StationTemplateDocument } from './schemas/station-template.schema';

/** Everything a template holds but its id and timestamps. */
export type TemplateFields = Omit<StationTemplateDocument, '_id' | 'createdAt' | 'updatedAt'>;

/** Templates are global, so this repository does not extend TenantRepository. */
@Injectable()
export class StationTemplateRepository {
  constructor(
    @InjectModel(StationTemplateDocument.name) private readonly model: Model<StationTemplateDocument>,
  ) {}

  async findById(id: string): Promise<StationTemplate | null> {
    const doc = await this.model.findById(id).lean<StationTemplateDocument>().exec();
    return doc ? this.toEntity(doc) : null;
  }

  async findAll(): Promise<StationTemplate[]> {
    const docs = await this.model.find().lean<StationTemplateDocument[]>().exec();
    return docs.map((doc) => this.toEntity(doc));
  }

  async create(id: string, fields: TemplateFields): Promise<StationTemplate> {
    const created = await this.model.create({ _id: id, ...fields });
    return this.toEntity(created.toObject());
  }

  /** Sets every field; optional ones left undefined are removed. */
  async replace(id: string, fields: TemplateFields): Promise<StationTemplate | null> {
    const entries = Object.entries(fields);
    const $set = Object.fromEntries(entries.filter(([, value]) => value !== undefined));
    const $unset = Object.fromEntries(
      entries.filter(([, value]) => value === undefined).map(([key]) => [key, 1]),
    );
    const doc = await this.model
      .findOneAndUpdate({ _id: id }, Object.keys($unset).length ? { $set, $unset } : { $set }, { new: true })
      .lean<StationTemplateDocument>()
      .exec();
    return doc ? this.toEntity(doc) : null;
  }

  /** Inserts the template unless one with its id exists (edited or not); returns whether it did. */
  async insertIfMissing(id: string, fields: TemplateFields): Promise<boolean> {
    const result = await this.model.updateOne({ _id: id }, { $setOnInsert: fields }, { upsert: true }).exec();
    return result.upsertedCount > 0;
  }

  async delete(id: string): Promise<boolean> {
    const result = await this.model.deleteOne({ _id: id }).exec();
    return result.deletedCount > 0;
  }

  /** A Relay page ordered by (name, _id), one row more fetched to know whether another page follows. */
  async page(args: ConnectionArgs): Promise<Connection<StationTemplate>> {
    const first = args.first ?? DEFAULT_PAGE_SIZE;
    let filter: FilterQuery<StationTemplateDocument> = {};
    if (args.after) {
      const { value, id } = decodeCursor(args.after);
      filter = { $or: [{ name: { $gt: value } }, { name: value, _id: { $gt: id } }] };
    }
    const [docs, totalCount] = await Promise.all([
      this.model
        .find(filter)
        .sort({ name: 1, _id: 1 })
        .limit(first + 1)
        .lean<StationTemplateDocument[]>()
        .exec(),
      countMatching(this.model, {}),
    ]);
    const edges = docs.slice(0, first).map((doc) => ({
      node: this.toEntity(doc),
      cursor: encodeCursor({ value: doc.name, id: doc._id }),
    }));
    return {
      edges,
      totalCount,
      pageInfo: { hasNextPage: docs.length > first, endCursor: edges.at(-1)?.cursor ?? null },
    };
  }

  private toEntity(doc: StationTemplateDocument): StationTemplate {
    return {
      id: doc._id,
      name: doc.name,
      description: doc.description,
      vendorPattern: doc.vendorPattern,
      modelPattern: doc.modelPattern,
      serialNumberPattern: doc.serialNumberPattern,
      firmwareVersionPattern: doc.firmwareVersionPattern,
      ocppVersions: doc.ocppVersions ?? [],
      technical: {
        ...doc.technical,
        chargePoints: doc.technical.chargePoints ?? [],
        connectors: (doc.technical.connectors ?? []).map((connector) => ({
          ...connector,
          type: connector.type as ConnectorType,
          currentType: connector.currentType as CurrentType,
        })),
      },
      capabilities: doc.capabilities,
      parameterBlocks: (doc.parameterBlocks ?? []).map((block) => ({
        ...block,
        ocppVersions: block.ocppVersions ?? [],
      })),
      staticPowerLimitationKey: doc.staticPowerLimitationKey,
      builtIn: doc.builtIn ?? false,
      createdAt: doc.createdAt,
      updatedAt: doc.updatedAt,
    };
  }
}
