import { expect } from '@open-wc/testing';
import { absoluteTime, conjunction, formatCount, numberFormat, plural, pluralRules, relativeTime } from '../src/internal/format.js';

describe('format', () => {
  const now = Date.UTC(2026, 2, 3, 12, 0, 0);

  it('picks the plural form for the locale and fills in the number', () => {
    const forms = { one: '{n} day', other: '{n} days' };
    expect(plural('en', 1, forms)).to.equal('1 day');
    expect(plural('en', 2, forms)).to.equal('2 days');
    expect(plural('en', 1000, forms)).to.equal('1,000 days');
    // French puts 0 in "one"; a form missing for a category falls back to "other".
    expect(plural('fr', 0, forms)).to.equal('0 day');
    expect(plural('ar-EG', 3, forms)).to.equal('٣ days');
  });

  it('writes counts exactly as Intl.NumberFormat does, also where it skips building one', () => {
    for (const locale of ['en', 'en-US', 'de', 'fr', 'ar', 'ar-EG', 'ar-SA', 'fa', 'bn', 'mr', 'hi-IN', 'th-TH-u-nu-thai', 'ja']) {
      for (const n of [0, 1, 5, 14, 365, 999, 1000, 12345, 2.5, -3]) {
        expect(formatCount(locale, n), `${locale} ${n}`).to.equal(new Intl.NumberFormat(locale).format(n));
      }
    }
  });

  it('says relative times in the largest unit that fits', () => {
    expect(relativeTime('en', now - 3 * 3600_000, now)).to.equal('3 hours ago');
    expect(relativeTime('en', now + 2 * 86_400_000, now)).to.equal('in 2 days');
    expect(relativeTime('en', now - 86_400_000, now)).to.equal('yesterday');
    expect(relativeTime('en', now, now)).to.equal('now');
    expect(relativeTime('de', new Date(now - 5 * 60_000).toISOString(), now)).to.equal('vor 5 Minuten');
  });

  it('formats absolute times in the locale', () => {
    const date = new Date(2026, 2, 3, 16, 5);
    expect(absoluteTime('en-US', date)).to.match(/^Mar 3, 2026, 4:05\sPM$/u);
    expect(absoluteTime('en-GB', date, { dateStyle: 'long' })).to.equal('3 March 2026');
  });

  it('caches formatters per locale and options', () => {
    expect(pluralRules('en')).to.equal(pluralRules('en'));
    expect(pluralRules('en')).to.not.equal(pluralRules('fr'));
    expect(numberFormat('en', { style: 'percent' })).to.equal(numberFormat('en', { style: 'percent' }));
    expect(numberFormat('en', { style: 'percent' })).to.not.equal(numberFormat('en'));
  });

  it('lists names in the locale\'s words, whatever else was cached for that locale first', () => {
    formatCount('fr', 3); // caches what it knows of French digits first
    expect(conjunction('fr').format(['Slack', 'HubSpot', 'LinkedIn'])).to.equal('Slack, HubSpot et LinkedIn');
    expect(conjunction('fr')).to.equal(conjunction('fr'));
  });
});
