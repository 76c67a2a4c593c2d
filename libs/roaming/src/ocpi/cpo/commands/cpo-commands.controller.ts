import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { Ocpi, OcpiRequestContext } from '../../auth/ocpi-request';
import { OcpiController } from '../../auth/ocpi-route.decorator';
import { CpoCommandService } from './cpo-command.service';

/** Our Commands Receiver interface (we are the CPO): {commands_endpoint}{command}. */
@Controller('ocpi/:tenant/:version/cpo/commands/:command')
@OcpiController({ module: 'commands', side: 'cpo' })
export class CpoCommandsController {
  constructor(private readonly commands: CpoCommandService) {}

  @Post()
  @HttpCode(200)
  post(@Ocpi() context: OcpiRequestContext, @Param('command') command: string, @Body() body: unknown) {
    return this.commands.receive(context, command, body);
  }
}
