/**
 * A row as json_agg gives it: its timestamp columns as text. (Aggregating a statement's rows into one JSON
 * value is how the batch statements hand many rows back: on PGlite, passing rows across to the server
 * costs more than finding them.)
 */
export type JsonRow<Row, Timestamps extends keyof Row> = Omit<Row, Timestamps> & {
  [K in Timestamps]: Row[K] extends Date ? string : string | null;
};

/** The row with its timestamp columns as Dates again (to the millisecond, as the driver reads them). */
export function fromJsonRow<Row, Timestamps extends keyof Row>(
  row: JsonRow<Row, Timestamps>,
  timestamps: readonly Timestamps[],
): Row {
  const result: Record<string, unknown> = { ...row };
  for (const column of timestamps) {
    const text = row[column] as string | null;
    result[column as string] = text === null ? null : new Date(text);
  }
  return result as Row;
}
