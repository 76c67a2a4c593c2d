import { TenantDocument } from '@csms/database';
import { ConnectorType } from '@csms/stations';
import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { TariffLevel } from '../../model/tariff-assignment';

@Schema({ collection: 'tariff_assignments', timestamps: { createdAt: true, updatedAt: false } })
export class TariffAssignmentDocument extends TenantDocument {
  @Prop({ required: true })
  tariffId: string;

  @Prop({ type: String, required: true })
  level: TariffLevel;

  /** Company, site, site area or station id (the station for CONNECTOR); absent at TENANT level. */
  @Prop()
  entityId?: string;

  @Prop()
  connectorId?: number;

  @Prop()
  userGroupId?: string;

  @Prop({ type: String })
  connectorType?: ConnectorType;

  @Prop()
  minPowerWatts?: number;

  @Prop()
  maxPowerWatts?: number;

  @Prop()
  validFrom?: Date;

  @Prop()
  validTo?: Date;

  createdAt?: Date;
}

export const TariffAssignmentSchema = SchemaFactory.createForClass(TariffAssignmentDocument);
TariffAssignmentSchema.index({ tenantId: 1, level: 1, entityId: 1 });
TariffAssignmentSchema.index({ tenantId: 1, tariffId: 1 });
