export * from './application/template-application.listener';
export * from './application/template-applier';
export * from './matching/configuration-diff';
export * from './matching/template-matcher';
export * from './models/station-template.model';
export * from './station-template.service';
export * from './templates.module';
