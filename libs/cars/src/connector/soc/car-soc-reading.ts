import { CarReading } from '../car-data-mapping';

/** A state of charge read from a session's car, as stored. */
export interface CarSocReading extends CarReading {
  transactionId: string;
  userId: string;
  carId: string;
  readAt: Date;
  onCurve: boolean;
}
