import { BadInputError } from '@csms/common';
import { TemplateFields } from './station-template.repository';

export const OCPP_VERSIONS = ['1.5', '1.6', '2.0.1'] as const;
const OCPP_201 = '2.0.1';

/** OCPP 1.x keys are CiString50. */
const MAX_OCPP1_KEY_LENGTH = 50;

/**
 * `Component.Variable` with optional `[instance]` parts: the spelling the OCPP edge maps onto 2.0.1
 * GetVariables/SetVariables (libs/ocpp/src/v201/v201-variable-keys.ts, parseConfigurationKey).
 */
const COMPONENT_VARIABLE = /^[^.[\]]+(\[[^\]]+\])?\.[^.[\]]+(\[[^\]]+\])?$/;

function duplicates(values: (string | number)[]): (string | number)[] {
  return values.filter((value, index) => values.indexOf(value) !== index);
}

/**
 * The rules a template must follow beyond each field's own validation: connectors and charge
 * points that refer to each other, and configuration keys spelled for the OCPP versions they go to
 * (1.x and 2.0.1 name them differently, so one block cannot serve both).
 */
export function templateRuleViolations(template: TemplateFields): string[] {
  const violations: string[] = [];
  const { connectors, chargePoints } = template.technical;
  const connectorIds = connectors.map((connector) => connector.connectorId);
  const chargePointIds = chargePoints.map((chargePoint) => chargePoint.chargePointId);
  for (const id of duplicates(connectorIds)) violations.push(`connector ${id} is listed twice`);
  for (const id of duplicates(chargePointIds)) violations.push(`charge point ${id} is listed twice`);
  for (const chargePoint of chargePoints) {
    for (const id of chargePoint.connectorIds.filter((id) => !connectorIds.includes(id))) {
      violations.push(`charge point ${chargePoint.chargePointId} feeds connector ${id}, which is not listed`);
    }
  }
  for (const connector of connectors) {
    if (connector.chargePointId !== undefined && !chargePointIds.includes(connector.chargePointId)) {
      violations.push(
        `connector ${connector.connectorId} names charge point ${connector.chargePointId}, which is not listed`,
      );
    }
  }
  template.parameterBlocks.forEach((block, index) => {
    const where = `parameter block ${index + 1}`;
    const keys = block.parameters.map((parameter) => parameter.key);
    for (const key of duplicates(keys)) violations.push(`${where} sets ${key} twice`);
    if (keys.length === 0) return;
    const versions = block.ocppVersions.length
      ? block.ocppVersions
      : template.ocppVersions.length
        ? template.ocppVersions
        : [...OCPP_VERSIONS];
    const for201 = versions.includes(OCPP_201);
    if (for201 && versions.length > 1) {
      violations.push(`${where} must be for OCPP 2.0.1 alone or for 1.x alone: their keys differ`);
      return;
    }
    for (const key of keys) {
      if (for201 && !COMPONENT_VARIABLE.test(key)) {
        violations.push(`${where} is for OCPP 2.0.1: "${key}" must be Component.Variable`);
      } else if (!for201 && key.length > MAX_OCPP1_KEY_LENGTH) {
        violations.push(
          `${where}: "${key}" is longer than the ${MAX_OCPP1_KEY_LENGTH} characters of OCPP 1.x`,
        );
      }
    }
  });
  return violations;
}

export function assertTemplateRules(template: TemplateFields): void {
  const violations = templateRuleViolations(template);
  if (violations.length)
    throw new BadInputError(`Invalid station template: ${violations.join('; ')}`, { violations });
}
