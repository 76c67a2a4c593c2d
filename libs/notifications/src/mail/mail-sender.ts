import { APP_CONFIG, AppConfig } from '@csms/common';
import { Inject, Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { Transporter, createTransport } from 'nodemailer';
import { RenderedMessage } from '../templates/render-notification';

export interface OutgoingMail extends RenderedMessage {
  to: string;
}

/**
 * Sends over SMTP_URL with nodemailer. Without SMTP_URL (development) messages are only logged, so
 * that flows such as password reset remain usable locally.
 */
@Injectable()
export class MailSender implements OnModuleDestroy {
  private readonly logger = new Logger(MailSender.name);
  private readonly transport?: Transporter;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    if (config.SMTP_URL) this.transport = createTransport(config.SMTP_URL);
  }

  async send(mail: OutgoingMail): Promise<void> {
    if (!this.transport) {
      this.logger.log(`SMTP_URL is not set; not sending "${mail.subject}" to ${mail.to}:\n${mail.text}`);
      return;
    }
    await this.transport.sendMail({ from: this.config.SMTP_FROM, ...mail });
  }

  onModuleDestroy(): void {
    this.transport?.close();
  }
}
