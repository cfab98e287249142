/** DATE columns stay 'YYYY-MM-DD' strings on both databases: a date of birth has no time zone. */
export const DATE_OID = 1082;
export const keepDateText = (value: string): string => value;
