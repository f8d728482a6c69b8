// Collects the findings of every check while verification runs and turns them into CheckReports.
// A check is failed iff it has a finding, skipped iff it was marked so, else passed. Listing is
// capped per check (the count of the rest is kept) so a record with a million bad ballots still
// yields a readable report. Must not decide what is wrong: the checks do.
import { CHECK_NAMES, type CheckName, type CheckReport, type Finding, type FindingLocation } from './types.ts';

export class FindingCollector {
  private readonly findings = new Map<CheckName, Finding[]>();
  private readonly omitted = new Map<CheckName, number>();
  private readonly skipped = new Map<CheckName, string>();

  constructor(private readonly maxPerCheck: number) {}

  add(check: CheckName, code: string, location: FindingLocation, detail: string): void {
    const list = this.findings.get(check) ?? [];
    this.findings.set(check, list);
    if (list.length < this.maxPerCheck) list.push({ code, location, detail });
    else this.omitted.set(check, (this.omitted.get(check) ?? 0) + 1);
  }

  /** Marks a check as not run; ignored if the check already has findings (it then failed). */
  skip(check: CheckName, because: string): void {
    if (!this.skipped.has(check)) this.skipped.set(check, because);
  }

  count(check: CheckName): number {
    return (this.findings.get(check)?.length ?? 0) + (this.omitted.get(check) ?? 0);
  }

  reports(): CheckReport[] {
    return CHECK_NAMES.map((name): CheckReport => {
      const findings = this.findings.get(name) ?? [];
      const omittedFindings = this.omitted.get(name) ?? 0;
      if (findings.length > 0) return { name, status: 'failed', findings, omittedFindings };
      const because = this.skipped.get(name);
      return because === undefined
        ? { name, status: 'passed', findings, omittedFindings }
        : { name, status: 'skipped', findings, omittedFindings, skippedBecause: because };
    });
  }
}

/** The location of a check failure reported by a protocol checker as "question <id> option <i>". */
export function locationFromDetail(detail: string | undefined): FindingLocation {
  if (detail === undefined) return {};
  const question = /question (\S+)/.exec(detail)?.[1];
  const option = /option (\d+)/.exec(detail)?.[1];
  return {
    ...(question === undefined ? {} : { question }),
    ...(option === undefined ? {} : { option: Number(option) }),
  };
}
