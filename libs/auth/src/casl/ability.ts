import { MongoAbility } from '@casl/ability';

export type Action = 'manage' | 'list' | 'read' | 'create' | 'update' | 'delete' | 'command' | 'stop';

export type Subject =
  | 'all'
  | 'Tenant'
  | 'User'
  | 'Tag'
  | 'ChargingStation'
  | 'Transaction'
  | 'OcppLog'
  | 'Company'
  | 'Site'
  | 'SiteArea'
  | 'StationTemplate'
  | 'RegistrationToken'
  | 'Tariff'
  | 'TariffAssignment'
  | 'UserGroup'
  | 'PricingSettings'
  | 'ApiKey'
  | 'AuditEntry'
  | 'Statistics'
  | 'CarModel'
  | 'Car';

/** A subject type name, as used with CASL's `subject(type, object)`. */
export type SubjectType = Exclude<Subject, 'all'>;

/** Subjects may be checked as a type name or against a plain object tagged with its type. */
export type AppAbility = MongoAbility<[Action, Subject | Record<string, unknown>]>;
