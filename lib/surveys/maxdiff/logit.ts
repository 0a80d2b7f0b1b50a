import { choleskyFactor, choleskyInverseDiagonal, choleskySolve } from "./cholesky";

/**
 * One answered set: the items shown and the best and worst pick. `count` (default 1) stands for that
 * many identical answers, so results grouped in SQL can be fitted without loading every response.
 */
export interface MaxDiffTask {
  items: readonly string[];
  best: string;
  worst: string;
  count?: number;
}

export interface MaxDiffLogitOptions {
  /** L2 penalty on the utilities; keeps them finite when an item is always (or never) picked best. */
  ridge?: number;
  maxIterations?: number;
  /** Stop when no utility moves by more than this in a Newton step. */
  tolerance?: number;
}

export interface MaxDiffLogitFit {
  itemIds: string[];
  /** Logit utilities aligned with itemIds, centred on zero; higher means preferred. */
  utilities: number[];
  standardErrors: number[];
  /** Log-likelihood of the tasks at the utilities (without the penalty). */
  logLikelihood: number;
  iterations: number;
  converged: boolean;
}

interface IndexedTask {
  items: number[];
  best: number;
  worst: number;
  count: number;
}

function indexTasks(itemIds: readonly string[], tasks: readonly MaxDiffTask[]): IndexedTask[] {
  const index = new Map(itemIds.map((id, i) => [id, i]));
  const lookup = (id: string) => {
    const i = index.get(id);
    if (i === undefined) throw new Error(`MaxDiff task mentions unknown item "${id}"`);
    return i;
  };
  return tasks.map((task) => {
    if (task.best === task.worst || !task.items.includes(task.best) || !task.items.includes(task.worst)) {
      throw new Error("A MaxDiff task's best and worst must be two different items of its set");
    }
    const count = task.count ?? 1;
    if (!(count >= 0) || !Number.isFinite(count)) throw new Error(`A MaxDiff task's count must be 0 or more, got ${count}`);
    return { items: task.items.map(lookup), best: lookup(task.best), worst: lookup(task.worst), count };
  });
}

/**
 * Adds one multinomial-logit choice (of `chosen` among `items`, utilities scaled by `sign`) to the
 * log-likelihood, and to the gradient and negated Hessian when given, `weight` times. Returns the
 * weighted log-probability.
 */
function addChoice(
  u: ArrayLike<number>,
  items: readonly number[],
  chosen: number,
  sign: number,
  weight: number,
  gradient?: Float64Array,
  information?: Float64Array,
): number {
  let maxV = -Infinity;
  for (const i of items) maxV = Math.max(maxV, sign * u[i]);
  let sum = 0;
  for (const i of items) sum += Math.exp(sign * u[i] - maxV);
  const logDenominator = maxV + Math.log(sum);
  if (gradient && information) {
    const n = gradient.length;
    const p = items.map((i) => Math.exp(sign * u[i] - logDenominator));
    items.forEach((i, a) => {
      gradient[i] += weight * sign * ((i === chosen ? 1 : 0) - p[a]);
      items.forEach((j, b) => {
        information[i * n + j] += weight * ((i === j ? p[a] : 0) - p[a] * p[b]);
      });
    });
  }
  return weight * (sign * u[chosen] - logDenominator);
}

/**
 * Sequential best–worst model (Louviere, Flynn & Marley 2015, ch. 5): the best item is a logit choice
 * from the set, the worst a logit choice with negated utilities from the items left.
 */
function accumulate(u: ArrayLike<number>, tasks: readonly IndexedTask[], gradient?: Float64Array, information?: Float64Array): number {
  let logLikelihood = 0;
  for (const task of tasks) {
    logLikelihood += addChoice(u, task.items, task.best, 1, task.count, gradient, information);
    const rest = task.items.filter((i) => i !== task.best);
    logLikelihood += addChoice(u, rest, task.worst, -1, task.count, gradient, information);
  }
  return logLikelihood;
}

export function maxDiffLogLikelihood(itemIds: readonly string[], tasks: readonly MaxDiffTask[], utilities: readonly number[]): number {
  return accumulate(utilities, indexTasks(itemIds, tasks));
}

function penalised(u: Float64Array, tasks: readonly IndexedTask[], ridge: number): number {
  let squares = 0;
  let total = 0;
  for (const value of u) {
    squares += value * value;
    total += value;
  }
  // The likelihood ignores a common shift of all utilities; the (Σu)² term pins their mean at zero.
  return accumulate(u, tasks) - (ridge / 2) * squares - (total * total) / 2;
}

/**
 * Aggregate (pooled) logit utilities of best–worst answers by Newton's method with step halving.
 * The objective is concave, so a handful of iterations reaches the optimum.
 */
export function fitMaxDiffLogit(input: { itemIds: readonly string[]; tasks: readonly MaxDiffTask[] } & MaxDiffLogitOptions): MaxDiffLogitFit {
  const { itemIds, ridge = 0.01, maxIterations = 50, tolerance = 1e-8 } = input;
  const n = itemIds.length;
  if (n < 2) throw new Error("A MaxDiff logit needs at least 2 items");
  if (!(ridge >= 0)) throw new Error(`ridge must be 0 or more, got ${ridge}`);
  const tasks = indexTasks(itemIds, input.tasks);
  let u = new Float64Array(n);
  let objective = penalised(u, tasks, ridge);
  let iterations = 0;
  let converged = false;
  let factor: Float64Array | undefined;
  while (iterations < maxIterations && !converged) {
    iterations += 1;
    const gradient = new Float64Array(n);
    const information = new Float64Array(n * n);
    accumulate(u, tasks, gradient, information);
    let total = 0;
    for (const value of u) total += value;
    for (let i = 0; i < n; i++) {
      gradient[i] -= ridge * u[i] + total;
      for (let j = 0; j < n; j++) information[i * n + j] += (i === j ? ridge : 0) + 1;
    }
    factor = choleskyFactor(information, n);
    if (!factor) throw new Error("The MaxDiff logit is not identified: some item is never shown");
    const step = choleskySolve(factor, n, gradient);
    let scale = 1;
    let next = u.map((value, i) => value + step[i]);
    let nextObjective = penalised(next, tasks, ridge);
    while (!(nextObjective >= objective) && scale > 1e-6) {
      scale /= 2;
      next = u.map((value, i) => value + scale * step[i]);
      nextObjective = penalised(next, tasks, ridge);
    }
    const largestMove = Math.max(...step.map((value) => Math.abs(scale * value)));
    u = next;
    objective = nextObjective;
    converged = largestMove < tolerance;
  }
  // Covariance of the centred utilities: the inverse information minus its component along (1,…,1).
  const inverseDiagonal = factor ? choleskyInverseDiagonal(factor, n) : new Float64Array(n).fill(NaN);
  const alongOnes = 1 / (n * (n + ridge));
  return {
    itemIds: [...itemIds],
    utilities: Array.from(u),
    standardErrors: Array.from(inverseDiagonal, (value) => Math.sqrt(Math.max(0, value - alongOnes))),
    logLikelihood: accumulate(u, tasks),
    iterations,
    converged,
  };
}

/**
 * Sawtooth's probability scale: the chance an item is picked best against (itemsPerSet − 1) items of
 * average (zero) utility, e^u / (e^u + a − 1), rescaled so that the items' shares sum to 100.
 */
export function maxDiffPreferenceShares(utilities: readonly number[], itemsPerSet: number): number[] {
  if (!(itemsPerSet >= 2)) throw new Error(`itemsPerSet must be at least 2, got ${itemsPerSet}`);
  const raw = utilities.map((u) => Math.exp(u) / (Math.exp(u) + itemsPerSet - 1));
  const total = raw.reduce((sum, value) => sum + value, 0);
  return raw.map((value) => (100 * value) / total);
}
