import { ComponentType, VariableType } from '../types/generated';

/** What GraphQL inputs name a device-model variable with. */
export interface VariableSelector {
  component: string;
  componentInstance?: string;
  evseId?: number;
  connectorId?: number;
  variable?: string;
  variableInstance?: string;
}

export function toComponent(selector: VariableSelector): ComponentType {
  const { evseId, connectorId } = selector;
  const evse =
    evseId === undefined || evseId === null
      ? undefined
      : { id: evseId, ...(connectorId === undefined || connectorId === null ? {} : { connectorId }) };
  return {
    name: selector.component,
    ...(selector.componentInstance ? { instance: selector.componentInstance } : {}),
    ...(evse ? { evse } : {}),
  };
}

export function toVariable(selector: VariableSelector & { variable: string }): VariableType {
  return {
    name: selector.variable,
    ...(selector.variableInstance ? { instance: selector.variableInstance } : {}),
  };
}

/** The 2.0.1 component/variable pair of a selector. */
export function toAddress(selector: VariableSelector & { variable: string }) {
  return { component: toComponent(selector), variable: toVariable(selector) };
}
