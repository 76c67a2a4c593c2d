/** The kind of the users' connections to the tenant's car-data service (libs/connections). */
export const CAR_DATA_CONNECTION = 'car-data';
