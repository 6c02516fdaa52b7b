import { STATUTORY_MINIMUM_YEARS, WarrantyPart } from '@linyi/shared';
import { configProblems } from '../../test/support/config-problems.js';
import { ConfigError, loadConfig } from './app-config.js';

const ENV_NAMES: Record<WarrantyPart, string> = {
  [WarrantyPart.Pipes]: 'WARRANTY_PIPES_YEARS',
  [WarrantyPart.Waterproofing]: 'WARRANTY_WATERPROOFING_YEARS',
  [WarrantyPart.Finishes]: 'WARRANTY_FINISHES_YEARS',
  [WarrantyPart.Windows]: 'WARRANTY_WINDOWS_YEARS',
};

/** Warranty periods (建设工程质量管理条例 art. 40): configurable upwards, never below the statutory minimums. */
describe('warranty periods in the configuration', () => {
  it('defaults to the statutory minimums: pipes 2 years, waterproofing 5, finishes 2, windows 2', () => {
    expect(loadConfig({}).warrantyYears).toEqual({ PIPES: 2, WATERPROOFING: 5, FINISHES: 2, WINDOWS: 2 });
  });

  it('takes longer periods', () => {
    expect(loadConfig({ WARRANTY_PIPES_YEARS: '3', WARRANTY_WATERPROOFING_YEARS: '10', WARRANTY_FINISHES_YEARS: '2', WARRANTY_WINDOWS_YEARS: '5' }).warrantyYears).toEqual({ PIPES: 3, WATERPROOFING: 10, FINISHES: 2, WINDOWS: 5 });
  });

  it.each(Object.values(WarrantyPart))('refuses %s one year below its statutory minimum, naming the variable', (part) => {
    const name = ENV_NAMES[part];
    const below = String(STATUTORY_MINIMUM_YEARS[part] - 1);
    expect(() => loadConfig({ [name]: below })).toThrow(ConfigError);
    const problems = configProblems({ [name]: below });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain(name);
    expect(problems[0]).toContain('statutory minimum');
    // The minimum itself is fine.
    expect(configProblems({ [name]: String(STATUTORY_MINIMUM_YEARS[part]) })).toEqual([]);
  });

  it('refuses pipes at 1 year and waterproofing at 3 with one problem each', () => {
    const problems = configProblems({ WARRANTY_PIPES_YEARS: '1', WARRANTY_WATERPROOFING_YEARS: '3' });
    expect(problems).toEqual([expect.stringContaining('WARRANTY_PIPES_YEARS'), expect.stringContaining('WARRANTY_WATERPROOFING_YEARS')]);
  });

  it.each(['0', '-2', '2.5', 'two'])('refuses WARRANTY_PIPES_YEARS=%s', (value) => {
    expect(configProblems({ WARRANTY_PIPES_YEARS: value }).join('\n')).toContain('WARRANTY_PIPES_YEARS');
  });
});
