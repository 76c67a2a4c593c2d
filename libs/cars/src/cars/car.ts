/** The AC charger in the car (or a converter behind it), when it differs from the catalog model's. */
export interface AcConverter {
  powerKw: number;
  phases: number;
  ampsPerPhase: number;
}

/** A user's car: which catalog model it is, how it charges on AC, and whether it is their default. */
export interface Car {
  id: string;
  userId: string;
  carModelId: string;
  vin?: string;
  licensePlate?: string;
  converter?: AcConverter;
  isDefault: boolean;
  createdAt?: Date;
}
