import { GROUPS, type ConformanceReport } from '../types.js';

// JUnit XML for CI: one testsuite per group, one testcase per check; an expected failure is a
// passing testcase with its reason in system-out, so CI stays green on known gaps; a listed one that
// passes now carries the note to remove it from the file.

const escapeXml = (text: string) =>
  text
    // eslint-disable-next-line no-control-regex -- control characters are not allowed in XML 1.0
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');

/** The report as JUnit XML. */
export function formatJunit(report: ConformanceReport): string {
  const suites = GROUPS.map((group) => report.results.filter((r) => r.group === group)).filter(
    (results) => results.length > 0,
  );
  const seconds = (ms: number) => (ms / 1000).toFixed(3);
  const total = report.results.reduce((sum, r) => sum + r.durationMs, 0);
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="raincheck conformance" tests="${report.results.length}" failures="${report.summary.failed}" skipped="${report.summary.skipped}" time="${seconds(total)}">`,
  ];
  for (const results of suites) {
    const group = results[0]!.group;
    const failures = results.filter((r) => r.status === 'fail').length;
    const skipped = results.filter((r) => r.status === 'skip').length;
    lines.push(
      `  <testsuite name="${escapeXml(group)}" tests="${results.length}" failures="${failures}" skipped="${skipped}" time="${seconds(results.reduce((s, r) => s + r.durationMs, 0))}">`,
    );
    for (const result of results) {
      const open = `    <testcase classname="conformance.${escapeXml(group)}" name="${escapeXml(result.id)}" time="${seconds(result.durationMs)}">`;
      if (result.status === 'pass' && !result.message) {
        lines.push(`${open.slice(0, -1)} />`);
        continue;
      }
      lines.push(open);
      if (result.status === 'fail') {
        lines.push(
          `      <failure message="${escapeXml(result.message ?? '')}">${escapeXml([result.title, ...(result.transcript ?? [])].join('\n'))}</failure>`,
        );
      } else if (result.status === 'pass') {
        // Listed as an expected failure, passing now: the note says to take it off the list.
        lines.push(`      <system-out>${escapeXml(result.message ?? '')}</system-out>`);
      } else if (result.status === 'skip') {
        lines.push(`      <skipped message="${escapeXml(result.message ?? '')}" />`);
      } else {
        lines.push(
          `      <system-out>${escapeXml(`expected failure: ${result.expectedBecause ?? ''}\n${result.message ?? ''}`)}</system-out>`,
        );
      }
      lines.push('    </testcase>');
    }
    lines.push('  </testsuite>');
  }
  lines.push('</testsuites>', '');
  return lines.join('\n');
}
