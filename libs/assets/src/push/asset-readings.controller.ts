import { Public } from '@csms/auth';
import { DomainError, ErrorCode, isValidTenantId, TenantId } from '@csms/common';
import { Body, Controller, Headers, HttpCode, HttpException, HttpStatus, Param, Post } from '@nestjs/common';
import { AssetReadingService } from '../asset-reading.service';
import { AssetService } from '../asset.service';
import { AssetReadingInput } from '../dto/asset-reading.input';
import { AssetReading } from '../models/asset-reading.model';
import { matchesAssetApiKey } from './asset-api-key';

/**
 * Meters and energy management systems push readings here with the asset's own API key:
 * `POST /assets/{tenant}/{assetId}/readings`, `Authorization: Bearer <key>`, a JSON AssetReadingInput.
 * 201 with the reading as stored; 400 with the reasons for a bad body; 401 for a wrong key, an
 * unknown asset or tenant alike (nothing to learn by probing).
 */
@Controller('assets')
@Public()
export class AssetReadingsController {
  constructor(
    private readonly assets: AssetService,
    private readonly readings: AssetReadingService,
  ) {}

  @Post(':tenant/:assetId/readings')
  @HttpCode(HttpStatus.CREATED)
  async push(
    @Param('tenant') tenant: string,
    @Param('assetId') assetId: string,
    @Headers('authorization') authorization: string | undefined,
    @Body() body: AssetReadingInput,
  ): Promise<AssetReading> {
    const key = /^Bearer\s+(\S+)$/i.exec(authorization ?? '')?.[1];
    const asset = key && isValidTenantId(tenant) ? await this.assets.find(tenant as TenantId, assetId) : null;
    if (!asset || !matchesAssetApiKey(key!, asset.apiKeyHash)) {
      throw new HttpException(
        { statusCode: 401, error: 'UNAUTHENTICATED', message: 'A valid asset API key is required' },
        HttpStatus.UNAUTHORIZED,
      );
    }
    try {
      return await this.readings.record(tenant as TenantId, asset, body);
    } catch (error) {
      if (error instanceof DomainError && error.code === ErrorCode.BAD_USER_INPUT) {
        throw new HttpException(
          { statusCode: 400, error: 'BAD_USER_INPUT', message: error.message, details: error.details },
          HttpStatus.BAD_REQUEST,
        );
      }
      throw error;
    }
  }
}
