import { BadInputError } from '@csms/common';
import { TemplateFields } from './station-template.repository';
import { assertTemplateRules, templateRuleViolations } from './station-template.rules';
import { BUILT_IN_TEMPLATES } from './seeds/built-in-templates';
import { isRegExpSource } from './dto/is-reg-exp.validator';

const base = (): TemplateFields => ({
  name: 'T',
  ocppVersions: [],
  technical: {
    maximumPowerWatts: 22000,
    chargePoints: [{ chargePointId: 1, connectorIds: [1] }],
    connectors: [{ connectorId: 1, type: 'Type2', powerWatts: 22000, currentType: 'AC', chargePointId: 1 }],
  },
  capabilities: {
    staticLimitation: false,
    chargingProfiles: true,
    remoteStartStop: true,
    unlock: true,
    reservation: false,
    rfid: true,
    firmwareUpdate: false,
  },
  parameterBlocks: [],
  builtIn: false,
});

describe('station template rules', () => {
  it('accepts a consistent template', () => {
    expect(templateRuleViolations(base())).toEqual([]);
  });

  it('refuses connectors and charge points that do not refer to each other', () => {
    const template = base();
    template.technical.connectors.push({ ...template.technical.connectors[0], chargePointId: 9 });
    template.technical.chargePoints[0].connectorIds.push(3);
    expect(templateRuleViolations(template)).toEqual([
      'connector 1 is listed twice',
      'charge point 1 feeds connector 3, which is not listed',
      'connector 1 names charge point 9, which is not listed',
    ]);
  });

  it('wants 2.0.1 blocks alone, with Component.Variable keys', () => {
    const template = base();
    template.parameterBlocks = [
      { ocppVersions: ['1.6', '2.0.1'], parameters: [{ key: 'HeartbeatInterval', value: '1' }] },
      {
        ocppVersions: ['2.0.1'],
        parameters: [
          { key: 'HeartbeatInterval', value: '1' },
          { key: 'OCPPCommCtrlr.MessageAttempts[TransactionEvent]', value: '3' },
        ],
      },
    ];
    expect(templateRuleViolations(template)).toEqual([
      'parameter block 1 must be for OCPP 2.0.1 alone or for 1.x alone: their keys differ',
      'parameter block 2 is for OCPP 2.0.1: "HeartbeatInterval" must be Component.Variable',
    ]);
  });

  it('takes the template versions for a block without its own, and all versions when neither says', () => {
    const only201 = { ...base(), ocppVersions: ['2.0.1'] };
    only201.parameterBlocks = [
      { ocppVersions: [], parameters: [{ key: 'TxCtrlr.EVConnectionTimeOut', value: '60' }] },
    ];
    expect(templateRuleViolations(only201)).toEqual([]);
    const any = base();
    any.parameterBlocks = [{ ocppVersions: [], parameters: [{ key: 'HeartbeatInterval', value: '60' }] }];
    expect(templateRuleViolations(any)).toHaveLength(1);
  });

  it('refuses a key set twice in a block and 1.x keys beyond 50 characters', () => {
    const template = base();
    template.parameterBlocks = [
      {
        ocppVersions: ['1.6'],
        parameters: [
          { key: 'A', value: '1' },
          { key: 'A', value: '2' },
          { key: 'K'.repeat(51), value: '1' },
        ],
      },
    ];
    expect(templateRuleViolations(template)).toEqual([
      'parameter block 1 sets A twice',
      `parameter block 1: "${'K'.repeat(51)}" is longer than the 50 characters of OCPP 1.x`,
    ]);
  });

  it('throws BAD_USER_INPUT listing every violation', () => {
    const template = base();
    template.technical.chargePoints.push({ chargePointId: 1, connectorIds: [1] });
    expect(() => assertTemplateRules(template)).toThrow(BadInputError);
    expect(() => assertTemplateRules(template)).toThrow(/charge point 1 is listed twice/);
  });
});

describe('built-in templates', () => {
  it.each(BUILT_IN_TEMPLATES.map((template) => [template.id, template.fields] as const))(
    '%s follows the rules and its patterns compile',
    (_id, fields) => {
      expect(templateRuleViolations(fields)).toEqual([]);
      const patterns = [
        fields.vendorPattern,
        fields.modelPattern,
        fields.serialNumberPattern,
        fields.firmwareVersionPattern,
        ...fields.parameterBlocks.map((block) => block.firmwareVersionPattern),
      ].filter((pattern) => pattern !== undefined);
      expect(patterns.every(isRegExpSource)).toBe(true);
      expect(fields.vendorPattern).toBe('^Generic$');
    },
  );

  it('have distinct ids', () => {
    const ids = BUILT_IN_TEMPLATES.map((template) => template.id);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe('isRegExpSource', () => {
  it('accepts patterns that compile, refuses the others and over-long ones', () => {
    expect(isRegExpSource('^ABB (Terra|AC)')).toBe(true);
    expect(isRegExpSource('([')).toBe(false);
    expect(isRegExpSource('a'.repeat(201))).toBe(false);
    expect(isRegExpSource(42)).toBe(false);
  });
});
