import FakeTimers from '@sinonjs/fake-timers';
import { expect, fixture } from '@open-wc/testing';
import { html, LitElement } from 'lit';
import { CLOCK_INTERVAL, ClockController } from '../src/controllers/clock-controller.js';

class Ticking extends LitElement {
  readonly clock = new ClockController(this);
  renders = 0;
  override render() {
    this.renders++;
    return html``;
  }
}
customElements.define('test-ticking', Ticking);

describe('ClockController', () => {
  let clock: FakeTimers.Clock;
  beforeEach(() => {
    clock = FakeTimers.withGlobal(globalThis).install({ toFake: ['setInterval', 'clearInterval'] });
  });
  afterEach(() => clock.uninstall());

  it('re-renders its host once a minute while connected, and never once it left the page', async () => {
    const el = await fixture<Ticking>(html`<test-ticking></test-ticking>`);
    const first = el.renders;
    clock.tick(CLOCK_INTERVAL - 1);
    await el.updateComplete;
    expect(el.renders).to.equal(first);
    clock.tick(1);
    await el.updateComplete;
    expect(el.renders).to.equal(first + 1);
    el.remove();
    expect(clock.countTimers(), 'no timer left behind').to.equal(0);
  });
});
