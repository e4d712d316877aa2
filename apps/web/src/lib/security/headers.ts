// The security headers of every page. The Content-Security-Policy allows only scripts carrying
// this response's nonce (Next puts it on its own scripts when the request carries the policy) and
// what they load ('strict-dynamic'); wasm compilation for tfjs; workers from the site or blob:
// (the pre-check worker and its modules); styles inline (Next's inlined CSS, CodeMirror's style
// elements); fonts from the site (KaTeX) or data:. Nothing may frame the site.

export interface SecurityHeaderOptions {
  nonce: string;
  /** React's development build needs eval for its debugging aids. */
  dev: boolean;
  /** Served over https: add HSTS and upgrade stray http subresources. */
  https: boolean;
}

export function contentSecurityPolicy({ nonce, dev, https }: SecurityHeaderOptions): string {
  const directives = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic' 'wasm-unsafe-eval'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(https ? ["upgrade-insecure-requests"] : []),
  ];
  return directives.join("; ");
}

/** Headers for every response of the site, pages or not. */
export const STATIC_SECURITY_HEADERS: Readonly<Record<string, string>> = {
  "x-content-type-options": "nosniff",
  "x-frame-options": "DENY",
  "referrer-policy": "strict-origin-when-cross-origin",
};

export const HSTS = "max-age=31536000; includeSubDomains";

/** A fresh nonce (128 random bits, base64) per response. */
export function newNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}
