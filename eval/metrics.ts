// Precision, recall and F1 from true/false positive counts.
export class Counts {
  tp = 0;
  fp = 0;
  fn = 0;

  /** One binary decision. */
  add(predicted: boolean, expected: boolean): void {
    if (predicted && expected) this.tp += 1;
    else if (predicted) this.fp += 1;
    else if (expected) this.fn += 1;
  }

  /** Two sets of items; returns the differences as readable errors. */
  addSets(predicted: Set<string>, expected: Set<string>, what: string): string[] {
    const errors: string[] = [];
    for (const item of predicted) {
      if (expected.has(item)) this.tp += 1;
      else {
        this.fp += 1;
        errors.push(`${what}: unexpected ${item}`);
      }
    }
    for (const item of expected) {
      if (!predicted.has(item)) {
        this.fn += 1;
        errors.push(`${what}: missed ${item}`);
      }
    }
    return errors;
  }

  get precision(): number {
    return this.tp + this.fp === 0 ? 1 : this.tp / (this.tp + this.fp);
  }

  get recall(): number {
    return this.tp + this.fn === 0 ? 1 : this.tp / (this.tp + this.fn);
  }

  get f1(): number {
    const { precision: p, recall: r } = this;
    return p + r === 0 ? 0 : (2 * p * r) / (p + r);
  }
}

export function formatRow(name: string, c: Counts, target: string): string {
  const n = (x: number) => x.toFixed(3);
  return `${name.padEnd(26)} P ${n(c.precision)}  R ${n(c.recall)}  F1 ${n(c.f1)}  (tp ${c.tp}, fp ${c.fp}, fn ${c.fn})  target ${target}`;
}
