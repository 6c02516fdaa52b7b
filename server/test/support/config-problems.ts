import { ConfigError, loadConfig } from '../../src/config/app-config.js';

/** What loadConfig refuses in this environment, one line a problem; [] when it loads. */
export function configProblems(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
    return [];
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
}
