/**
 * Cross-site request check for state-changing requests authenticated by cookie. Browsers send
 * Sec-Fetch-Site and Origin on every fetch/form POST; a request from another site is rejected.
 * Requests with a Bearer token are exempt (a browser never attaches one on its own).
 */
export function isCrossSite(req: Request): boolean {
  const site = req.headers.get("sec-fetch-site");
  if (site && site !== "same-origin" && site !== "none") return true;
  const origin = req.headers.get("origin");
  if (!origin) return false;
  const host = req.headers.get("x-forwarded-host") ?? req.headers.get("host");
  try {
    return new URL(origin).host !== host;
  } catch {
    return true;
  }
}
