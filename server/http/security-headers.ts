import type { RequestHandler } from "express";
import helmet from "helmet";

/**
 * Helmet's headers with a strict Content-Security-Policy for the built SPA (dist/client): the bundle
 * is external modules and stylesheets, so scripts and styles need nothing but 'self'. React, recharts
 * and uPlot set inline styles through the CSSOM (element.style), which CSP does not restrict; checked in
 * Chromium on the station, session, report and profile pages with no violation. Should a library ever
 * need style attributes in markup, `style-src-attr 'unsafe-inline'` is the narrowest opening (styles
 * only, never scripts). connect-src adds ws:/wss: for the Socket.IO transport.
 * HSTS is sent only when cookies are Secure (VIGIL_COOKIE_SECURE), i.e. behind HTTPS: on plain HTTP
 * a browser would otherwise be told to refuse the very server it is talking to.
 */
export function securityHeaders(options: { hsts: boolean }): RequestHandler {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        scriptSrcAttr: ["'none'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", "data:"],
        fontSrc: ["'self'"],
        connectSrc: ["'self'", "ws:", "wss:"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        ...(options.hsts ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    strictTransportSecurity: options.hsts ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    frameguard: { action: "deny" },
    referrerPolicy: { policy: "no-referrer" },
    crossOriginEmbedderPolicy: false,
  });
}
