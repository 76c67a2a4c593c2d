import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { Ocpi, OcpiRequestContext } from '../auth/ocpi-request';
import { OcpiController } from '../auth/ocpi-route.decorator';
import { EmspCommandsService } from './emsp-commands.service';

/** Our Commands Sender interface (we are the eMSP): where CPOs POST the results of our commands. */
@Controller('ocpi/:tenant/:version/emsp/commands/:command/:commandId')
@OcpiController({ module: 'commands', side: 'emsp' })
export class EmspCommandsController {
  constructor(private readonly commands: EmspCommandsService) {}

  @Post()
  @HttpCode(200)
  async result(
    @Ocpi() context: OcpiRequestContext,
    @Param('command') command: string,
    @Param('commandId') commandId: string,
    @Body() body: unknown,
  ) {
    await this.commands.result(context, command, commandId, body);
    return undefined;
  }
}
