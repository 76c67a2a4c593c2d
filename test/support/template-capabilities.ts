import { GraphQLClient } from './graphql-client';
import { eventually } from './users';

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

/** Waits until the station's template has been applied (after its boot), so its capabilities count. */
export async function templateApplied(admin: GraphQLClient, id: string): Promise<void> {
  await eventually(
    () =>
      admin.data<{ chargingStation: { templateAppliedAt: string | null } }>(
        'query($id: ID!) { chargingStation(id: $id) { templateAppliedAt } }',
        { id },
      ),
    (data) => data.chargingStation.templateAppliedAt !== null,
    15_000,
  );
}
