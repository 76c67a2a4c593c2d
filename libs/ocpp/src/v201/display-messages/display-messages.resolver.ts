import { CheckAbility, CurrentPrincipal, Principal } from '@csms/auth';
import { CommandResultModel, StationAccessGuard } from '@csms/stations';
import { UseGuards } from '@nestjs/common';
import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { commandResult } from '../../commands/command-result';
import { newRequestId } from '../../commands/request-ids';
import { Ocpp201SessionLocator } from '../ocpp201-session.locator';
import { OcppV201Calls } from '../types/generated';
import { call201 } from '../v201-commands';
import { DisplayMessagesService } from './display-messages.service';
import { DisplayMessageInput, DisplayMessagesFilterInput } from './dto/display-message.input';
import { DisplayMessageModel } from './models/display-message.model';

const stationIdArg = { name: 'chargingStationId', type: () => ID };

/** O Display Message: what OCPP 2.0.1 stations show their drivers. */
@Resolver()
@UseGuards(StationAccessGuard)
export class DisplayMessagesResolver {
  constructor(
    private readonly sessions: Ocpp201SessionLocator,
    private readonly displayMessages: DisplayMessagesService,
  ) {}

  @Mutation(() => CommandResultModel, {
    description:
      'OCPP 2.0.1 SetDisplayMessage: Accepted, NotSupportedMessageFormat, Rejected, NotSupportedPriority, NotSupportedState or UnknownTransaction',
  })
  @CheckAbility('command', 'ChargingStation')
  async setDisplayMessage(
    @CurrentPrincipal() principal: Principal,
    @Args(stationIdArg) stationId: string,
    @Args('input') input: DisplayMessageInput,
  ): Promise<CommandResultModel> {
    const session = this.sessions.get(principal.tenantId, stationId);
    const answer = await call201(session, 'SetDisplayMessage', {
      message: {
        id: input.id,
        priority: input.priority,
        ...(input.state ? { state: input.state } : {}),
        ...(input.startDateTime ? { startDateTime: input.startDateTime.toISOString() } : {}),
        ...(input.endDateTime ? { endDateTime: input.endDateTime.toISOString() } : {}),
        ...(input.ocppTransactionId ? { transactionId: input.ocppTransactionId } : {}),
        message: {
          format: input.format,
          content: input.content,
          ...(input.language ? { language: input.language } : {}),
        },
      },
    });
    if (answer.status === 'Accepted') {
      await this.displayMessages.accepted(principal.tenantId, {
        chargingStationId: stationId,
        messageId: input.id,
        priority: input.priority,
        state: input.state,
        startDateTime: input.startDateTime,
        endDateTime: input.endDateTime,
        transactionId: input.ocppTransactionId,
        format: input.format,
        language: input.language,
        content: input.content,
        source: 'Set',
      });
    }
    return commandResult(answer.status);
  }

  @Mutation(() => CommandResultModel, {
    description:
      'OCPP 2.0.1 GetDisplayMessages (Accepted, or Unknown: none match); the NotifyDisplayMessages that follow update chargingStationDisplayMessages. `data`: {"requestId"}',
  })
  @CheckAbility('command', 'ChargingStation')
  async getDisplayMessages(
    @CurrentPrincipal() principal: Principal,
    @Args(stationIdArg) stationId: string,
    @Args('filter', { type: () => DisplayMessagesFilterInput, nullable: true })
    filter?: DisplayMessagesFilterInput,
  ): Promise<CommandResultModel> {
    const session = this.sessions.get(principal.tenantId, stationId);
    const requestId = newRequestId();
    const ids = filter?.ids?.length ? filter.ids : undefined;
    const everyMessage = !ids && !filter?.priority && !filter?.state;
    const answer = await call201(session, 'GetDisplayMessages', {
      requestId,
      ...(ids ? { id: ids as OcppV201Calls['GetDisplayMessages']['request']['id'] } : {}),
      ...(filter?.priority ? { priority: filter.priority } : {}),
      ...(filter?.state ? { state: filter.state } : {}),
    });
    await this.displayMessages.requested(principal.tenantId, stationId, {
      requestId,
      everyMessage,
      status: answer.status,
    });
    return commandResult(answer.status, { requestId });
  }

  @Mutation(() => CommandResultModel, { description: 'OCPP 2.0.1 ClearDisplayMessage: Accepted or Unknown' })
  @CheckAbility('command', 'ChargingStation')
  async clearDisplayMessage(
    @CurrentPrincipal() principal: Principal,
    @Args(stationIdArg) stationId: string,
    @Args('id', { type: () => Int }) id: number,
  ): Promise<CommandResultModel> {
    const session = this.sessions.get(principal.tenantId, stationId);
    const answer = await call201(session, 'ClearDisplayMessage', { id });
    // Unknown: the station has no such message either, so none is kept.
    await this.displayMessages.cleared(principal.tenantId, stationId, id);
    return commandResult(answer.status);
  }

  @Query(() => [DisplayMessageModel], {
    description:
      "What an OCPP 2.0.1 station's display shows, as far as the CSMS knows (set and reported messages)",
  })
  @CheckAbility('read', 'ChargingStation')
  async chargingStationDisplayMessages(
    @CurrentPrincipal() principal: Principal,
    @Args(stationIdArg) stationId: string,
  ): Promise<DisplayMessageModel[]> {
    const messages = await this.displayMessages.list(principal.tenantId, stationId);
    return messages.map(({ messageId, transactionId, chargingStationId: _station, ...message }) => ({
      ...message,
      id: messageId,
      ocppTransactionId: transactionId,
    }));
  }
}
