import { TenantId } from '@csms/common';
import { Lean, TenantRepository } from '@csms/database';
import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { DeviceVariableAttribute, DeviceVariableDocument } from './schemas/device-variable.schema';

export interface DeviceVariable {
  chargingStationId: string;
  component: string;
  componentInstance?: string;
  evseId?: number;
  connectorId?: number;
  variable: string;
  variableInstance?: string;
  attributes: DeviceVariableAttribute[];
  unit?: string;
  dataType?: string;
  valuesList?: string;
  reportRequestId: number;
  updatedAt?: Date;
}

function keyOf(variable: DeviceVariable): string {
  return [
    variable.component,
    variable.componentInstance ?? '',
    variable.evseId ?? '',
    variable.connectorId ?? '',
    variable.variable,
    variable.variableInstance ?? '',
  ].join('|');
}

/** The device model of 2.0.1 stations: one document per reported variable, replaced on each report. */
@Injectable()
export class DeviceModelRepository extends TenantRepository<DeviceVariableDocument, DeviceVariable> {
  constructor(@InjectModel(DeviceVariableDocument.name) model: Model<DeviceVariableDocument>) {
    super(model);
  }

  /** One bulk write per NotifyReport part: a report may carry hundreds of variables. */
  async upsertMany(tenantId: TenantId, variables: DeviceVariable[]): Promise<void> {
    if (!variables.length) return;
    await this.model.bulkWrite(
      variables.map((variable) => {
        const key = keyOf(variable);
        return {
          updateOne: {
            filter: { tenantId, chargingStationId: variable.chargingStationId, key },
            update: { $set: { ...variable, key, tenantId, updatedAt: new Date() } },
            upsert: true,
          },
        };
      }),
      { ordered: false },
    );
  }

  /** The Actual value a station reported for a station-wide variable, if it did. */
  async actualValue(
    tenantId: TenantId,
    chargingStationId: string,
    address: { component: string; variable: string; variableInstance?: string },
  ): Promise<string | undefined> {
    const key = keyOf({ ...address, chargingStationId, attributes: [], reportRequestId: 0 });
    const [found] = await this.findMany(tenantId, { chargingStationId, key });
    return found?.attributes.find((attribute) => (attribute.type ?? 'Actual') === 'Actual')?.value;
  }

  listForStation(tenantId: TenantId, chargingStationId: string): Promise<DeviceVariable[]> {
    return this.findMany(tenantId, { chargingStationId });
  }

  protected toEntity(doc: Lean<DeviceVariableDocument>): DeviceVariable {
    return {
      chargingStationId: doc.chargingStationId,
      component: doc.component,
      componentInstance: doc.componentInstance ?? undefined,
      evseId: doc.evseId ?? undefined,
      connectorId: doc.connectorId ?? undefined,
      variable: doc.variable,
      variableInstance: doc.variableInstance ?? undefined,
      attributes: doc.attributes ?? [],
      unit: doc.unit ?? undefined,
      dataType: doc.dataType ?? undefined,
      valuesList: doc.valuesList ?? undefined,
      reportRequestId: doc.reportRequestId,
      updatedAt: doc.updatedAt,
    };
  }
}
