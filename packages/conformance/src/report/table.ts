import { GROUPS, type CheckResult, type ConformanceReport } from '../types.js';

// The readable report: a table per group, then the summary line.

const MARK: Readonly<Record<CheckResult['status'], string>> = {
  pass: 'PASS',
  fail: 'FAIL',
  skip: 'SKIP',
  'expected-failure': 'XFAIL',
};

/** How many of a failure's last requests the table shows (JSON and JUnit carry them all). */
const TRANSCRIPT_LINES = 3;

/** `N passed, N failed, N skipped` (and expected failures, and listed ones that pass now, when any). */
export function summaryLine(report: ConformanceReport): string {
  const { passed, failed, skipped, expectedFailures, passingExpected } = report.summary;
  return `${passed} passed, ${failed} failed, ${skipped} skipped${expectedFailures > 0 ? `, ${expectedFailures} expected failure(s)` : ''}${passingExpected > 0 ? `, ${passingExpected} listed as expected failure(s) but passing` : ''}`;
}

/** The report as text: a table by group, a line under each check that did not pass, and the summary. */
export function formatTable(report: ConformanceReport): string {
  const width = Math.max(...report.results.map((r) => r.id.length), 10);
  const lines = [
    `raincheck conformance: ${report.baseUrl} (${report.setup === 'fixtures' ? 'fixtures' : 'documented seed'})`,
  ];
  for (const group of GROUPS) {
    const results = report.results.filter((r) => r.group === group);
    if (results.length === 0) continue;
    lines.push('', group);
    for (const result of results) {
      lines.push(`  ${MARK[result.status].padEnd(5)}  ${result.id.padEnd(width)}  ${result.title}`);
      if (result.status === 'expected-failure') lines.push(`         expected: ${result.expectedBecause ?? ''}`);
      if (result.message)
        lines.push(
          `         ${result.status === 'skip' ? 'skipped' : result.status === 'pass' ? 'note' : 'why'}: ${result.message}`,
        );
      // The last requests of a failure, as sent and answered: what a partner looks at first.
      if (result.status === 'fail')
        for (const line of (result.transcript ?? []).slice(-TRANSCRIPT_LINES))
          lines.push(`         > ${line.length > 160 ? `${line.slice(0, 160)}…` : line}`);
    }
  }
  lines.push('', summaryLine(report));
  return lines.join('\n');
}
