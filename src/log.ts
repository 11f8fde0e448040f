// One line per event, no message bodies or personal data: only what an operator needs.
/* eslint-disable no-console */
export const log = {
  info: (line: string) => {
    if (process.env.NODE_ENV !== 'test') console.log(line);
  },
  warn: (line: string) => console.warn(line),
  error: (line: string, error?: unknown) => console.error(line, error instanceof Error ? error.message : ''),
};
