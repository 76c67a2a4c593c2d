import { TenantId } from '@csms/common';
import { Lean, TenantRepository } from '@csms/database';
import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { ConnectorWiring, DEFAULT_WIRING } from './connector-wiring';
import { ConnectorWiringDocument } from './connector-wiring.schema';
import { PhaseRotation } from './phase-rotation';

export const wiringKey = (stationId: string, connectorId: number): string =>
  `${stationId}\u0000${connectorId}`;

@Injectable()
export class ConnectorWiringRepository extends TenantRepository<ConnectorWiringDocument, ConnectorWiring> {
  constructor(@InjectModel(ConnectorWiringDocument.name) model: Model<ConnectorWiringDocument>) {
    super(model);
  }

  async ofStations(tenantId: TenantId, stationIds: readonly string[]): Promise<Map<string, ConnectorWiring>> {
    const found = await this.findMany(tenantId, { stationId: { $in: [...stationIds] } });
    return new Map(found.map((wiring) => [wiringKey(wiring.chargingStationId, wiring.connectorId), wiring]));
  }

  async save(tenantId: TenantId, wiring: ConnectorWiring): Promise<ConnectorWiring> {
    const { chargingStationId: stationId, connectorId, ...fields } = wiring;
    return (await this.updateOne(tenantId, { stationId, connectorId }, { $set: fields }, { upsert: true }))!;
  }

  protected toEntity(doc: Lean<ConnectorWiringDocument>): ConnectorWiring {
    return {
      chargingStationId: doc.stationId,
      connectorId: doc.connectorId,
      phaseRotation: (doc.phaseRotation as PhaseRotation) ?? DEFAULT_WIRING.phaseRotation,
      phaseSwitching: doc.phaseSwitching ?? false,
      priority: doc.priority ?? 1,
    };
  }
}
