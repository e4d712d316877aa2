/** One JSON line per event on stderr (stdout stays free for CLIs that print documents). */
export type Level = "debug" | "info" | "warn" | "error";
export type Logger = (level: Level, msg: string, extra?: Record<string, unknown>) => void;

export function jsonLogger(name: string, minLevel: Level = "info", write: (line: string) => void = (l) => process.stderr.write(l)): Logger {
  const order: Record<Level, number> = { debug: 0, info: 1, warn: 2, error: 3 };
  return (level, msg, extra) => {
    if (order[level] < order[minLevel]) return;
    write(JSON.stringify({ t: new Date().toISOString(), level, name, msg, ...extra }) + "\n");
  };
}

export const silentLogger: Logger = () => {};
