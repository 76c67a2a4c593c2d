/** The kind of a user's connection to Concur (libs/connections). */
export const CONCUR_CONNECTION = 'concur';
