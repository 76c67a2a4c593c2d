import { StationTemplateInput } from './dto/station-template.input';
import { TemplateFields } from './station-template.repository';

/** Plain object without undefined values: the database would store them as nulls. */
function defined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, field]) => field !== undefined)) as T;
}

/** The stored form of a template input (validated class instances become plain objects). */
export function templateFieldsOf(input: StationTemplateInput, builtIn = false): TemplateFields {
  const { technical, capabilities } = input;
  return {
    name: input.name,
    description: input.description,
    vendorPattern: input.vendorPattern,
    modelPattern: input.modelPattern,
    serialNumberPattern: input.serialNumberPattern,
    firmwareVersionPattern: input.firmwareVersionPattern,
    ocppVersions: [...input.ocppVersions],
    technical: defined({
      maximumPowerWatts: technical.maximumPowerWatts,
      voltage: technical.voltage,
      chargePoints: technical.chargePoints.map((chargePoint) =>
        defined({ ...chargePoint, connectorIds: [...chargePoint.connectorIds] }),
      ),
      connectors: technical.connectors.map((connector) => defined({ ...connector })),
    }),
    capabilities: defined({ ...capabilities }),
    parameterBlocks: input.parameterBlocks.map((block) =>
      defined({
        firmwareVersionPattern: block.firmwareVersionPattern,
        ocppVersions: [...block.ocppVersions],
        parameters: block.parameters.map(({ key, value }) => ({ key, value })),
      }),
    ),
    staticPowerLimitationKey: input.staticPowerLimitationKey,
    builtIn,
  };
}
