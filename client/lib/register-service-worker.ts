/// <reference types="vite/client" />

/**
 * Registers /sw.js (client/sw/service-worker.ts), which lets the app shell open with no network.
 * Production builds only (the dev server has no sw.js) and secure contexts only (browsers refuse
 * workers elsewhere; localhost counts as secure). A failure leaves the app as it was, online-only.
 */
export function registerServiceWorker(): void {
  // the build's mode, not PROD: PROD follows NODE_ENV, which is "test" when the e2e tests build
  if (import.meta.env.MODE !== "production" || !window.isSecureContext || !("serviceWorker" in navigator))
    return;
  const register = () => {
    navigator.serviceWorker.register("/sw.js").catch((error: unknown) => {
      console.warn("service worker not registered: the app will not open offline", error);
    });
  };
  // after the page's own loading, so precaching never competes with it
  if (document.readyState === "complete") register();
  else window.addEventListener("load", register, { once: true });
}
