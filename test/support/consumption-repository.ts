import mongoose from 'mongoose';
import { ConsumptionRepository } from '../../libs/transactions/src/consumptions/consumption.repository';
import {
  ConsumptionDocument,
  ConsumptionSchema,
} from '../../libs/transactions/src/schemas/consumption.schema';
import {
  StationMeterValueDocument,
  StationMeterValueSchema,
} from '../../libs/transactions/src/schemas/station-meter-value.schema';

/** The curve points' repository on a connection of its own, without the application around it. */
export function consumptionRepositoryOn(connection: mongoose.Connection): ConsumptionRepository {
  return new ConsumptionRepository(
    connection.model(ConsumptionDocument.name, ConsumptionSchema),
    connection.model(StationMeterValueDocument.name, StationMeterValueSchema),
  );
}
