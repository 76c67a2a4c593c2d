import { Body, Controller, Delete, Get, HttpCode, Post, Put } from '@nestjs/common';
import { Ocpi, OcpiRequestContext } from '../auth/ocpi-request';
import { OcpiController } from '../auth/ocpi-route.decorator';
import { OcpiCredentialsService } from './ocpi-credentials.service';

/** The credentials module of each version: /ocpi/{tenant}/{version}/credentials. */
@Controller('ocpi/:tenant/:version/credentials')
@OcpiController({ module: 'credentials', side: 'any' })
export class CredentialsController {
  constructor(private readonly credentials: OcpiCredentialsService) {}

  @Get()
  get(@Ocpi() context: OcpiRequestContext) {
    return this.credentials.current(context);
  }

  @Post()
  @HttpCode(200)
  post(@Ocpi() context: OcpiRequestContext, @Body() body: unknown) {
    return this.credentials.register(context, body);
  }

  @Put()
  put(@Ocpi() context: OcpiRequestContext, @Body() body: unknown) {
    return this.credentials.update(context, body);
  }

  @Delete()
  delete(@Ocpi() context: OcpiRequestContext) {
    return this.credentials.unregister(context);
  }
}
