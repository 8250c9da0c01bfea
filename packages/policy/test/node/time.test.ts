import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { calendarDaysBefore, dayNumber, isIsoInstant, isTimeZone } from '../../src/time.js';

const iso = (ms: number) => new Date(ms).toISOString();

describe('calendar arithmetic in a time zone', () => {
  it('keeps the local time of day across a clock change', () => {
    // London: 10 April 09:00 BST (08:00Z) minus 90 days is 10 January 09:00 GMT (09:00Z), not 08:00Z.
    assert.equal(
      iso(calendarDaysBefore(Date.parse('2027-04-10T08:00:00Z'), 90, 'Europe/London')),
      '2027-01-10T09:00:00.000Z',
    );
    // Sydney: 10 April 09:00 AEST (+10) minus 90 days is 10 January 09:00 AEDT (+11).
    assert.equal(
      iso(calendarDaysBefore(Date.parse('2027-04-10T09:00:00+10:00'), 90, 'Australia/Sydney')),
      '2027-01-09T22:00:00.000Z',
    );
    // New York, autumn: 10 November 09:00 EST minus 7 days is 3 November 09:00 EDT.
    assert.equal(
      iso(calendarDaysBefore(Date.parse('2027-11-10T09:00:00-05:00'), 7, 'America/New_York')),
      '2027-11-03T13:00:00.000Z',
    );
  });

  it('is plain day arithmetic in UTC and keeps milliseconds', () => {
    assert.equal(iso(calendarDaysBefore(Date.parse('2027-03-01T12:00:00.250Z'), 1, 'UTC')), '2027-02-28T12:00:00.250Z');
  });

  it('reads the calendar date as written, whatever the offset', () => {
    assert.equal(dayNumber('2027-04-04T23:30:00+10:00') - dayNumber('2027-04-04'), 0);
    assert.equal(dayNumber('2027-06-15') - dayNumber('2027-06-01'), 14);
  });

  it('knows valid instants and zones', () => {
    assert.ok(isIsoInstant('2027-03-28T01:30:00.123456+01:00'));
    assert.ok(!isIsoInstant('2027-13-01T00:00:00Z'));
    assert.ok(isTimeZone('Pacific/Auckland'));
    assert.ok(!isTimeZone('Europe/Atlantis'));
  });
});
