import { registerEnumType } from '@nestjs/graphql';

export enum StatisticsMeasure {
  CONSUMPTION = 'CONSUMPTION',
  USAGE = 'USAGE',
  INACTIVITY = 'INACTIVITY',
  SESSIONS = 'SESSIONS',
  REVENUE = 'REVENUE',
}

export enum StatisticsGroupBy {
  CHARGING_STATION = 'CHARGING_STATION',
  USER = 'USER',
  SITE = 'SITE',
  SITE_AREA = 'SITE_AREA',
  COMPANY = 'COMPANY',
  TAG = 'TAG',
}

export enum StatisticsPeriod {
  YEAR = 'YEAR',
  MONTH = 'MONTH',
  DAY = 'DAY',
  HOUR = 'HOUR',
  DAY_OF_WEEK = 'DAY_OF_WEEK',
}

registerEnumType(StatisticsMeasure, {
  name: 'StatisticsMeasure',
  description: 'Of completed sessions: kWh, hours plugged in, hours without energy flowing, count, revenue',
});
registerEnumType(StatisticsGroupBy, { name: 'StatisticsGroupBy' });
registerEnumType(StatisticsPeriod, {
  name: 'StatisticsPeriod',
  description:
    'Local to each site (else the tenant): YEAR "2024", MONTH "2024-03", DAY "2024-03-14", HOUR "00"–"23", DAY_OF_WEEK "MONDAY"–"SUNDAY"',
});
