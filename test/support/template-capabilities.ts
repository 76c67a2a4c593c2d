/** Template capabilities of a plain smart wallbox, as `StationTemplateInput.capabilities`. */
export const WALLBOX_CAPABILITIES = {
  staticLimitation: false,
  chargingProfiles: true,
  remoteStartStop: true,
  unlock: true,
  reservation: false,
  rfid: true,
  firmwareUpdate: true,
};
