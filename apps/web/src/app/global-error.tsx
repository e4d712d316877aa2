"use client";
// Last resort when the root layout itself fails: its own <html>, inline styles, both languages.

export default function GlobalError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="en">
      <body style={{ fontFamily: "system-ui, sans-serif", margin: 0, padding: "3rem 1.25rem", background: "#f7f8fa", color: "#1b2330" }}>
        <main style={{ maxWidth: 640, margin: "0 auto" }}>
          <h1>Something went wrong · 出错了</h1>
          <p>We could not show this page. Please try again. · 无法显示此页面，请重试。</p>
          {error.digest ? <p style={{ color: "#4a5565" }}>Ref: {error.digest}</p> : null}
          <p>
            <button type="button" onClick={reset} style={{ font: "inherit", padding: "0.6rem 1.1rem", borderRadius: 8, border: 0, background: "#1f4fd1", color: "#fff", cursor: "pointer" }}>
              Try again · 重试
            </button>{" "}
            <a href="/" style={{ color: "#1f4fd1", marginLeft: "1rem" }}>
              Home · 首页
            </a>
          </p>
        </main>
      </body>
    </html>
  );
}
