import { AppAbility, CheckAbility, CurrentAbility, CurrentPrincipal, Principal } from '@csms/auth';
import { ExportCell, ExportJob, ExportKind, ExportRegistry, ExportScope, ExportService } from '@csms/exports';
import { Injectable, OnModuleInit } from '@nestjs/common';
import { Args, Field, ID, InputType, Mutation, Resolver } from '@nestjs/graphql';
import { IsDate, IsOptional, IsString, Length } from 'class-validator';
import { OcppMessageFilter, OcppMessageRepository } from './ocpp-message.repository';

@InputType()
export class OcppMessageExportFilter implements OcppMessageFilter {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  chargingStationId?: string;

  @Field(() => Date, { nullable: true, description: 'Frames logged at or after' })
  @IsOptional()
  @IsDate()
  from?: Date;

  @Field(() => Date, { nullable: true, description: 'Frames logged before' })
  @IsOptional()
  @IsDate()
  to?: Date;
}

/** The OCPP message log, one row per call with its answer, or per run of routine calls. */
@Injectable()
export class OcppMessageLogExport implements ExportKind<OcppMessageFilter>, OnModuleInit {
  readonly name = 'ocpp-messages';
  readonly subject = 'OcppLog' as const;
  readonly columns = [
    'timestamp',
    'chargingStationId',
    'direction',
    'messageType',
    'action',
    'messageId',
    'sizeBytes',
    'answerType',
    'answerSizeBytes',
    'latencyMs',
    'errorCode',
    'count',
    'lastTimestamp',
  ] as const;

  constructor(
    private readonly registry: ExportRegistry,
    private readonly messages: OcppMessageRepository,
  ) {}

  onModuleInit(): void {
    this.registry.register(this);
  }

  count({ tenantId }: ExportScope, filter: OcppMessageFilter): Promise<number> {
    return this.messages.countMatching(tenantId, filter ?? {});
  }

  async *rows({ tenantId }: ExportScope, filter: OcppMessageFilter): AsyncIterable<ExportCell[]> {
    for await (const message of this.messages.matching(tenantId, filter ?? {})) {
      yield [
        message.timestamp,
        message.chargingStationId,
        message.direction,
        message.messageType,
        message.action,
        message.messageId,
        message.sizeBytes,
        message.answerType,
        message.answerSizeBytes,
        message.latencyMs,
        message.errorCode,
        message.count,
        message.lastTimestamp,
      ];
    }
  }
}

@Resolver()
export class OcppMessageLogExportResolver {
  constructor(private readonly exports: ExportService) {}

  @Mutation(() => ExportJob, { description: 'CSV of the OCPP message log' })
  @CheckAbility('list', 'OcppLog')
  exportOcppMessages(
    @CurrentPrincipal() principal: Principal,
    @CurrentAbility() ability: AppAbility,
    @Args('filter', { type: () => OcppMessageExportFilter, nullable: true }) filter?: OcppMessageExportFilter,
  ): Promise<ExportJob> {
    return this.exports.start(principal, ability, 'ocpp-messages', { ...filter });
  }
}
