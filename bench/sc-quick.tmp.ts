import { runDay, jainIndex } from './support/smart-charging/online-controller';
import { loadLpSolver, solveDay } from './support/smart-charging/lp-optimum';
import { workplaceDay, fairShareDay, timeOfUsePrices } from './support/smart-charging/workplace-day';
(async () => {
  const solver = await loadLpSolver();
  for (const seed of [1,2,3]) {
    const day = workplaceDay(seed, 60, 100);
    const ours = runDay(day, { horizonSlots: 48 });
    const lp = solveDay(solver, day, { kind: 'energy' });
    const sum = (m: Map<string, number>) => [...m.values()].reduce((a, b) => a + b, 0);
    const asked = day.cars.reduce((a, c) => a + c.energyWh, 0);
    console.log('energy', seed, (sum(ours.deliveredWh)/1000).toFixed(1), (sum(lp.deliveredWh)/1000).toFixed(1), 'asked', (asked/1000).toFixed(1), 'ratio', (sum(ours.deliveredWh)/sum(lp.deliveredWh)*100).toFixed(2), 'viol', ours.fuseViolations, 'lp s', lp.seconds.toFixed(2));
    const fair = fairShareDay(seed, 24, 63);
    const f = runDay(fair, { horizonSlots: 48 });
    const flp = solveDay(solver, fair, { kind: 'energy' });
    const ah = (m: Map<string, number>) => fair.cars.map(c => m.get(c.id)! / c.phases.length);
    console.log('fair jain', jainIndex(ah(f.deliveredWh)).toFixed(4), 'lp jain', jainIndex(ah(flp.deliveredWh)).toFixed(4), 'energy ratio', (sum(f.deliveredWh)/sum(flp.deliveredWh)*100).toFixed(2));
    const prices = timeOfUsePrices();
    for (const share of [1, 0.8, 0.6]) {
      const tou = runDay(day, { horizonSlots: 48, prices, futureCapacityShare: share });
      const cost = tou.costOf(prices);
      const best = solveDay(solver, day, { kind: 'cost', prices, atLeastWh: tou.deliveredWh });
      const plain = runDay(day, { horizonSlots: 48 }).costOf(prices);
      console.log('tou share', share, 'cost', cost.toFixed(2), 'opt', best.objective.toFixed(2), 'pct above', ((cost/best.objective-1)*100).toFixed(2), 'no-price cost', plain.toFixed(2), 'energy', (sum(tou.deliveredWh)/sum(lp.deliveredWh)*100).toFixed(2));
    }
  }
})();
