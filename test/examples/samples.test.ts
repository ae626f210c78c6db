import fs from 'node:fs';
import path from 'node:path';
import { GOALS_CSV, KPIS_CSV, KPIS_DA_CSV, TEAM_CSV } from '../../src/examples/samples';

/** ../shared/samples (the product contract's examples), copied here: `cp ../shared/samples/*.csv
 * test/examples/samples/` when the contract's samples change. */
const SAMPLES = path.resolve(__dirname, 'samples');

describe('the example data the add-on carries', () => {
  test.each([
    ['team.csv', TEAM_CSV],
    ['goals.csv', GOALS_CSV],
    ['kpis.csv', KPIS_CSV],
    ['kpis.da.csv', KPIS_DA_CSV],
  ])('equals the contract sample %s', (file, carried) => {
    expect(carried).toBe(fs.readFileSync(path.join(SAMPLES, file), 'utf8'));
  });
});
