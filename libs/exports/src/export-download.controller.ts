import { Public } from '@csms/auth';
import { asTenantId } from '@csms/common';
import { Controller, Get, HttpException, HttpStatus, Param, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { ExportLinkSigner } from './export-link.signer';
import { ExportService } from './export.service';

/** `GET /exports/{tenant}/{id}.csv?expires&signature`: the link is the credential (it is short-lived). */
@Public()
@Controller('exports')
export class ExportDownloadController {
  constructor(
    private readonly signer: ExportLinkSigner,
    private readonly exports: ExportService,
  ) {}

  @Get(':tenant/:file')
  async download(
    @Param('tenant') tenant: string,
    @Param('file') file: string,
    @Query('expires') expires: string | undefined,
    @Query('signature') signature: string | undefined,
    @Res() response: Response,
  ): Promise<void> {
    const id = file.replace(/\.csv$/, '');
    if (!this.signer.verify(tenant, id, expires, signature)) {
      throw new HttpException('This link is invalid or has expired', HttpStatus.FORBIDDEN);
    }
    const job = await this.exports.findForDownload(asTenantId(tenant), id);
    if (!job) throw new HttpException('No such export', HttpStatus.NOT_FOUND);
    response.status(200);
    response.setHeader('content-type', 'text/csv; charset=utf-8');
    response.setHeader(
      'content-disposition',
      `attachment; filename="${job.kind}-${job.createdAt.toISOString().slice(0, 10)}.csv"`,
    );
    response.setHeader('cache-control', 'no-store');
    await this.exports.stream(job, response);
  }
}
