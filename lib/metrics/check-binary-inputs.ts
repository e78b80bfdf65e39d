/** Shared argument check of the metrics: labels are 0/1, scores finite, lengths equal. */
export function checkBinaryInputs(yTrue: ArrayLike<number>, scores: ArrayLike<number>): void {
  if (yTrue.length !== scores.length) throw new Error(`yTrue has ${yTrue.length} values but scores has ${scores.length}`);
  for (let i = 0; i < yTrue.length; i++) {
    const y = yTrue[i];
    if (y !== 0 && y !== 1) throw new Error(`yTrue[${i}] is ${y}; labels must be 0 or 1`);
    if (!Number.isFinite(scores[i])) throw new Error(`scores[${i}] is ${scores[i]}; scores must be finite numbers`);
  }
}
