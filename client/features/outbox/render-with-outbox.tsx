import type { ReactElement } from "react";
import { nurse } from "../../testing/fixtures.ts";
import { renderWithProviders } from "../../testing/render.tsx";
import { OutboxProvider } from "./outbox-provider.tsx";

let databases = 0;

/**
 * Renders inside an outbox on a database of its own (tests import "fake-indexeddb/auto" first).
 * Pass the same `dbName` again to simulate reopening the page on the same device.
 */
export function renderWithOutbox(
  ui: ReactElement,
  { userId = nurse.id, dbName = `outbox-component-${++databases}` } = {},
) {
  const result = renderWithProviders(
    <OutboxProvider userId={userId} dbName={dbName}>
      {ui}
    </OutboxProvider>,
  );
  return { ...result, dbName };
}
