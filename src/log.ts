// One line per event, no message bodies or personal data: only what an operator needs.
/* eslint-disable no-console */

/**
 * An error's first line with quoted values taken out: database and validation errors quote the value
 * that failed, and that value can be something a person typed.
 */
export function safeErrorText(error: unknown): string {
  if (!(error instanceof Error)) return '';
  const firstLine = error.message.split('\n')[0] ?? '';
  return firstLine.replace(/(["'`])(?:(?!\1).)*\1/g, '…').replace(/\{[^}]*\}/g, '{…}').slice(0, 200);
}

export const log = {
  info: (line: string) => {
    if (process.env.NODE_ENV !== 'test') console.log(line);
  },
  warn: (line: string) => console.warn(line),
  error: (line: string, error?: unknown) => console.error(line, safeErrorText(error)),
};
