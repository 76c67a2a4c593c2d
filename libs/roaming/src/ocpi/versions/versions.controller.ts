import { Controller, Get } from '@nestjs/common';
import { Ocpi, OcpiRequestContext } from '../auth/ocpi-request';
import { OcpiController } from '../auth/ocpi-route.decorator';
import { OCPI_VERSIONS, OcpiVersion } from '../protocol/ocpi-version';
import { ourEndpoints } from './our-endpoints';

/**
 * The versions module: GET /ocpi/{tenant}/versions (CONTRACT.md) lists 2.2.1 and 2.1.1, and
 * GET /ocpi/{tenant}/{version} the endpoints of that version for the calling partner.
 */
@Controller('ocpi/:tenant')
@OcpiController({ module: 'versions', side: 'any' })
export class VersionsController {
  @Get('versions')
  versions(@Ocpi() context: OcpiRequestContext) {
    return OCPI_VERSIONS.map((version) => ({ version, url: `${context.baseUrl}/${version}` }));
  }

  @Get(':version')
  details(@Ocpi() context: OcpiRequestContext) {
    const version = context.version as OcpiVersion;
    return { version, endpoints: ourEndpoints(`${context.baseUrl}/${version}`, version, context.partner) };
  }
}
