import { registerEnumType } from '@nestjs/graphql';

export enum OcpiRole {
  CPO = 'CPO',
  EMSP = 'EMSP',
}
registerEnumType(OcpiRole, {
  name: 'OcpiRole',
  description: 'What a partner is to us: an EMSP (we are its CPO) or a CPO (we are its eMSP)',
});

export enum OcpiAuthorizationHeader {
  AUTO = 'AUTO',
  BASE64 = 'BASE64',
  PLAIN = 'PLAIN',
}
registerEnumType(OcpiAuthorizationHeader, {
  name: 'OcpiAuthorizationHeader',
  description:
    'How our credentials token goes in `Authorization: Token …` to this partner: AUTO is Base64 for 2.2.1 and plain for 2.1.1 (as the specs say); BASE64 and PLAIN force one way for partners that do otherwise. Partners may send us either form.',
});
