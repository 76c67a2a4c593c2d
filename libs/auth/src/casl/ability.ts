import { MongoAbility } from '@casl/ability';

/** `command`: every remote command on a station; `start`: a remote start with one's own badge (drivers). */
export type Action =
  'manage' | 'list' | 'read' | 'create' | 'update' | 'delete' | 'command' | 'start' | 'stop';

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
  | 'RoamingPartner'
  | 'RoamingLocation'
  | 'RoamingSession'
  | 'Tariff'
  | 'TariffAssignment'
  | 'UserGroup'
  | 'PricingSettings'
  | 'ApiKey'
  | 'AuditEntry'
  | 'Statistics'
  | 'CarModel'
  | 'Car'
  | 'CarConnectorSettings'
  | 'Asset'
  | 'BillingSettings'
  | 'BillingAccount'
  | 'Invoice'
  | 'ConnectedAccount'
  | 'RefundSettings'
  | 'Refund';

/** A subject type name, as used with CASL's `subject(type, object)`. */
export type SubjectType = Exclude<Subject, 'all'>;

/** Subjects may be checked as a type name or against a plain object tagged with its type. */
export type AppAbility = MongoAbility<[Action, Subject | Record<string, unknown>]>;
