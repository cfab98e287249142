/**
 * Multi-row writes: from this many rows on, the rows travel as one jsonb parameter (jsonb_to_recordset);
 * below, a plain VALUES list with a parameter per value is cheaper. Measured on PGlite and PostgreSQL.
 */
export const recordsetMinRows = 16;
