/** Where a catalog entry comes from: the Open EV Data file, or a super admin (added or edited by hand). */
export enum CarModelSource {
  OPEN_EV_DATA = 'OPEN_EV_DATA',
  MANUAL = 'MANUAL',
}

/** DC charging power (kW) the car accepts at a state of charge (%). */
export interface ChargingCurvePoint {
  soc: number;
  powerKw: number;
}

/** A car model of the catalog (global: the same cars in every tenant). */
export interface CarModel {
  id: string;
  brand: string;
  model: string;
  variant?: string;
  releaseYear?: number;
  /** `car` or `motorbike`. */
  vehicleType?: string;
  /** `bev` or `phev`. */
  drivetrain?: string;
  batteryKwh?: number;
  acMaxKw?: number;
  acPhases?: number;
  acPorts: string[];
  dcMaxKw?: number;
  dcPorts: string[];
  dcChargingCurve: ChargingCurvePoint[];
  averageConsumptionKwhPer100Km?: number;
  source: CarModelSource;
  updatedAt: Date;
}

export type CarModelFields = Omit<CarModel, 'id' | 'updatedAt'>;
