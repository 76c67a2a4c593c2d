import { StationTemplate } from '../models/station-template.model';
import { TemplateParameter } from '../models/template-parameter-block.model';

/** What a station said about itself at boot, as templates match it. */
export interface StationFacts {
  vendor?: string;
  model?: string;
  serialNumber?: string;
  chargeBoxSerialNumber?: string;
  firmwareVersion?: string;
  ocppVersion?: string;
}

export type MatchableTemplate = Pick<
  StationTemplate,
  'id' | 'vendorPattern' | 'modelPattern' | 'serialNumberPattern' | 'firmwareVersionPattern' | 'ocppVersions'
>;

/**
 * How much each constraint narrows a template, to break ties between templates with as many
 * constraints: a serial number names one station, a model a product, a firmware one of its
 * releases, a vendor many products, an OCPP version most of them.
 */
const WEIGHTS = { serialNumber: 16, model: 8, firmwareVersion: 4, vendor: 2, ocppVersions: 1 } as const;

const compiled = new Map<string, RegExp | null>();

/** The pattern as a regular expression (searched, not anchored: write ^…$ for an exact match). */
function regExpOf(pattern: string): RegExp | null {
  if (!compiled.has(pattern)) {
    let regExp: RegExp | null;
    try {
      regExp = new RegExp(pattern);
    } catch {
      // Input validation refuses invalid patterns; one that slipped into the database matches nothing.
      regExp = null;
    }
    compiled.set(pattern, regExp);
  }
  return compiled.get(pattern) ?? null;
}

/** An absent pattern accepts anything; a present one needs a value that it finds. */
export function patternAccepts(pattern: string | undefined, ...values: (string | undefined)[]): boolean {
  if (pattern === undefined || pattern === '') return true;
  const regExp = regExpOf(pattern);
  return regExp !== null && values.some((value) => value !== undefined && regExp.test(value));
}

export function versionAccepted(versions: string[], ocppVersion: string | undefined): boolean {
  return versions.length === 0 || (ocppVersion !== undefined && versions.includes(ocppVersion));
}

export function templateMatches(template: MatchableTemplate, station: StationFacts): boolean {
  return (
    patternAccepts(template.vendorPattern, station.vendor) &&
    patternAccepts(template.modelPattern, station.model) &&
    patternAccepts(template.serialNumberPattern, station.serialNumber, station.chargeBoxSerialNumber) &&
    patternAccepts(template.firmwareVersionPattern, station.firmwareVersion) &&
    versionAccepted(template.ocppVersions, station.ocppVersion)
  );
}

/** [number of constraints, their summed weight]: compared in that order, higher is more specific. */
export function specificity(template: MatchableTemplate): [number, number] {
  const constraints: (keyof typeof WEIGHTS)[] = [];
  if (template.vendorPattern) constraints.push('vendor');
  if (template.modelPattern) constraints.push('model');
  if (template.serialNumberPattern) constraints.push('serialNumber');
  if (template.firmwareVersionPattern) constraints.push('firmwareVersion');
  if (template.ocppVersions.length > 0) constraints.push('ocppVersions');
  return [constraints.length, constraints.reduce((sum, constraint) => sum + WEIGHTS[constraint], 0)];
}

/** Most constraints first, then the heavier ones, then the smaller id: the same winner on every instance. */
function compareSpecificity(a: MatchableTemplate, b: MatchableTemplate): number {
  const [countA, weightA] = specificity(a);
  const [countB, weightB] = specificity(b);
  if (countA !== countB) return countB - countA;
  if (weightA !== weightB) return weightB - weightA;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** The most specific template matching the station, if any. */
export function bestTemplate<T extends MatchableTemplate>(
  templates: T[],
  station: StationFacts,
): T | undefined {
  return templates.filter((template) => templateMatches(template, station)).sort(compareSpecificity)[0];
}

/**
 * The configuration the template asks of this station: the parameters of every block whose
 * firmware pattern and OCPP versions fit, in order; a key set by several blocks takes the last value.
 */
export function parametersFor(
  template: Pick<StationTemplate, 'parameterBlocks'>,
  station: StationFacts,
): TemplateParameter[] {
  const values = new Map<string, string>();
  for (const block of template.parameterBlocks) {
    if (!patternAccepts(block.firmwareVersionPattern, station.firmwareVersion)) continue;
    if (!versionAccepted(block.ocppVersions, station.ocppVersion)) continue;
    for (const { key, value } of block.parameters) values.set(key, value);
  }
  return [...values].map(([key, value]) => ({ key, value }));
}
