import { CheckAbility, CurrentPrincipal, Principal } from '@csms/auth';
import { BadInputError } from '@csms/common';
import { CommandResultModel, StationAccessGuard } from '@csms/stations';
import { UseGuards } from '@nestjs/common';
import { Args, ID, Mutation, Resolver } from '@nestjs/graphql';
import { commandResult } from '../commands/command-result';
import { newRequestId } from '../commands/request-ids';
import { JsonSessionLocator } from '../session/json-session.locator';
import { StationSession } from '../session/station-session';
import { OcppV16Calls } from '../v16/types/generated';
import { CertificateHashDataInput, GetLogInput } from '../v201/dto/ocpp201.inputs';
import { CertificateIdUse, InstallCertificateUse, SignedCertificateUse } from '../v201/dto/ocpp201-enums';
import { OcppV201Calls } from '../v201/types/generated';

const stationIdArg = { name: 'chargingStationId', type: () => ID };

type V16CertificateUse = OcppV16Calls['InstallCertificate']['request']['certificateType'];

/** 1.6's names of the two roots its security extension knows; the rest is 2.0.1 only. */
const V16_CERTIFICATE_USES: Partial<Record<string, V16CertificateUse>> = {
  CSMSRootCertificate: 'CentralSystemRootCertificate',
  ManufacturerRootCertificate: 'ManufacturerRootCertificate',
};

const result = commandResult;

function v16Use(use: string): V16CertificateUse {
  const mapped = V16_CERTIFICATE_USES[use];
  if (!mapped) throw new BadInputError(`OCPP 1.6 stations have no ${use}`, { certificateType: use });
  return mapped;
}

const is16 = (session: StationSession) => session.ocppVersion === '1.6';

/**
 * Certificate and log commands of OCPP 2.0.1 and of the OCPP 1.6 security extension (1.6-J), one
 * mutation each for both versions: 1.6 calls the CSMS root CentralSystemRootCertificate and installs
 * or lists one type at a time; answers come back in 2.0.1 terms.
 */
@Resolver()
@UseGuards(StationAccessGuard)
export class StationCertificatesResolver {
  constructor(private readonly sessions: JsonSessionLocator) {}

  @Mutation(() => CommandResultModel, {
    description: 'InstallCertificate (OCPP 2.0.1, 1.6-J security extension)',
  })
  @CheckAbility('command', 'ChargingStation')
  async installCertificate(
    @CurrentPrincipal() principal: Principal,
    @Args(stationIdArg) stationId: string,
    @Args('certificateType', { type: () => InstallCertificateUse }) certificateType: InstallCertificateUse,
    @Args('certificate', { description: 'PEM' }) certificate: string,
  ): Promise<CommandResultModel> {
    const session = this.sessions.get(principal.tenantId, stationId);
    const request = is16(session)
      ? { certificateType: v16Use(certificateType), certificate }
      : { certificateType, certificate };
    const answer = await session.call<{ status: string }>('InstallCertificate', request);
    return result(answer.status);
  }

  @Mutation(() => CommandResultModel, {
    description: 'DeleteCertificate (OCPP 2.0.1, 1.6-J security extension)',
  })
  @CheckAbility('command', 'ChargingStation')
  async deleteCertificate(
    @CurrentPrincipal() principal: Principal,
    @Args(stationIdArg) stationId: string,
    @Args('certificate') certificate: CertificateHashDataInput,
  ): Promise<CommandResultModel> {
    const session = this.sessions.get(principal.tenantId, stationId);
    const answer = await session.call<{ status: string }>('DeleteCertificate', {
      certificateHashData: { ...certificate },
    });
    return result(answer.status);
  }

  @Mutation(() => CommandResultModel, {
    description:
      'GetInstalledCertificateIds (OCPP 2.0.1, 1.6-J security extension: exactly one type); `data`: {"certificateHashDataChain": [{certificateType, certificateHashData, childCertificateHashData?}]}',
  })
  @CheckAbility('command', 'ChargingStation')
  async getInstalledCertificateIds(
    @CurrentPrincipal() principal: Principal,
    @Args(stationIdArg) stationId: string,
    @Args('certificateTypes', { type: () => [CertificateIdUse], nullable: true })
    certificateTypes?: CertificateIdUse[],
  ): Promise<CommandResultModel> {
    const session = this.sessions.get(principal.tenantId, stationId);
    if (is16(session)) return this.installedCertificates16(session, certificateTypes ?? []);
    const answer = await session.call<OcppV201Calls['GetInstalledCertificateIds']['response']>(
      'GetInstalledCertificateIds',
      certificateTypes?.length ? { certificateType: certificateTypes } : {},
    );
    return result(
      answer.status,
      answer.certificateHashDataChain ? { certificateHashDataChain: answer.certificateHashDataChain } : {},
    );
  }

  @Mutation(() => CommandResultModel, {
    description:
      'CertificateSigned: the chain signed for a station’s SignCertificate request (1.6-J: no type)',
  })
  @CheckAbility('command', 'ChargingStation')
  async certificateSigned(
    @CurrentPrincipal() principal: Principal,
    @Args(stationIdArg) stationId: string,
    @Args('certificateChain', { description: 'PEM chain' }) certificateChain: string,
    @Args('certificateType', { type: () => SignedCertificateUse, nullable: true })
    certificateType?: SignedCertificateUse,
  ): Promise<CommandResultModel> {
    const session = this.sessions.get(principal.tenantId, stationId);
    if (is16(session) && certificateType === SignedCertificateUse.V2GCertificate) {
      throw new BadInputError('OCPP 1.6 stations have no V2G certificate', { certificateType });
    }
    const answer = await session.call<{ status: string }>(
      'CertificateSigned',
      certificateType && !is16(session) ? { certificateChain, certificateType } : { certificateChain },
    );
    return result(answer.status);
  }

  @Mutation(() => CommandResultModel, {
    description:
      'GetLog, diagnostics or security log (OCPP 2.0.1, 1.6-J security extension); the LogStatusNotifications that follow become diagnosticsStatus. `data`: {"requestId", "filename"}',
  })
  @CheckAbility('command', 'ChargingStation')
  async getLog(
    @CurrentPrincipal() principal: Principal,
    @Args(stationIdArg) stationId: string,
    @Args('input') input: GetLogInput,
  ): Promise<CommandResultModel> {
    const session = this.sessions.get(principal.tenantId, stationId);
    const requestId = newRequestId();
    const answer = await session.call<{ status: string; filename?: string }>('GetLog', {
      logType: input.logType,
      requestId,
      log: {
        remoteLocation: input.remoteLocation,
        ...(input.oldestTimestamp ? { oldestTimestamp: input.oldestTimestamp.toISOString() } : {}),
        ...(input.latestTimestamp ? { latestTimestamp: input.latestTimestamp.toISOString() } : {}),
      },
    });
    return result(answer.status, { requestId, ...(answer.filename ? { filename: answer.filename } : {}) });
  }

  private async installedCertificates16(
    session: StationSession,
    certificateTypes: CertificateIdUse[],
  ): Promise<CommandResultModel> {
    if (certificateTypes.length !== 1) {
      throw new BadInputError('OCPP 1.6 stations list one certificateType at a time', { certificateTypes });
    }
    const certificateType = v16Use(certificateTypes[0]);
    const answer = await session.call<OcppV16Calls['GetInstalledCertificateIds']['response']>(
      'GetInstalledCertificateIds',
      { certificateType },
    );
    const chain = (answer.certificateHashData ?? []).map((certificateHashData) => ({
      certificateType: certificateTypes[0],
      certificateHashData,
    }));
    return result(answer.status, chain.length ? { certificateHashDataChain: chain } : {});
  }
}
