/** A daily grid price from `startTime` ("HH:MM" in the settings' time zone) until the next one. */
export interface GridPricePeriod {
  startTime: string;
  price: number;
}

/** How smart charging plans one site area's tree (kept on its top area; defaults below). */
export interface SmartChargingSettings {
  siteAreaId: string;
  /** Below this an AC session is paused rather than charged, A. */
  minimumCurrentAmps: number;
  /** How far ahead the plan (and the profiles sent) reaches, minutes. */
  horizonMinutes: number;
  /** Stack level of the TxProfiles and TxDefaultProfiles smart charging sends. */
  stackLevel: number;
  /** A connector's profile is sent again only when a limit moves by more than this, A. */
  changeThresholdAmps: number;
  /** Peak shaving: the power the area should draw at most, buildings and solar included, W. */
  peakPowerWatts?: number;
  /** Phase balancing: the most the phases may differ, A. */
  maxPhaseImbalanceAmps?: number;
  /** A car drawing less than it is given is limited to what it draws; the rest goes to the others. */
  stickyLimitation: boolean;
  /** Grid to battery through the car's own charger (AC), percent. */
  efficiencyPercent: number;
  /** Grid to battery through the station's converter (DC), percent. */
  dcEfficiencyPercent: number;
  /** Used when neither the driver nor the car says, percent. */
  defaultTargetSoc: number;
  /** Used when the driver gives no departure: the session leaves this long after it started, minutes. */
  defaultStayMinutes?: number;
  /**
   * Grid prices per time of day, on the clock of the area's site (else its tenant's); the cost
   * objective uses them, else the prices of the tariffs frozen on the sessions.
   */
  gridPrices: GridPricePeriod[];
  /** Share of a future slot's capacity that energy may be moved into, percent (others may arrive). */
  futureCapacitySharePercent: number;
}

export const DEFAULT_SETTINGS: Omit<SmartChargingSettings, 'siteAreaId'> = {
  minimumCurrentAmps: 6,
  horizonMinutes: 480,
  stackLevel: 2,
  changeThresholdAmps: 1,
  stickyLimitation: true,
  efficiencyPercent: 90,
  dcEfficiencyPercent: 95,
  defaultTargetSoc: 100,
  gridPrices: [],
  futureCapacitySharePercent: 80,
};
