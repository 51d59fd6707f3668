import { expect } from '@open-wc/testing';
import * as z from 'zod/mini';
import { Connection, ConnectionListQuery, ErrorBody, RelinkEvent, Timestamp } from '@relink/sdk/schema';

const connection = {
  id: 'con_slack',
  app: { key: 'slack', name: 'Slack', authMode: 'oauth2', managedAuthConfig: 'not_required' },
  label: 'Team workspace',
  status: 'active',
  owner: 'client',
  refreshable: true,
  createdAt: '2026-11-01T10:00:00.000Z',
  updatedAt: '2026-11-01T10:00:00.000Z',
};

describe('contract schemas', () => {
  it('Timestamp validates as z.iso.datetime({ offset: true }) does, and documents the same date-time', () => {
    const iso = z.iso.datetime({ offset: true });
    const samples = [
      '2026-11-01T10:00:00.000Z', '2026-11-01T10:00:00Z', '2024-02-29T23:59:59+01:00', '2023-02-29T00:00:00Z',
      '2026-04-31T00:00:00Z', '2026-11-01T24:00:00Z', '2026-11-01T10:00Z', '2026-11-01 10:00:00Z', '2026-11-01T10:00:00',
      '2026-11-01T10:00:00+0100', '', 'yesterday', new Date().toISOString(),
    ];
    expect(samples.map((value) => Timestamp.safeParse(value).success)).to.deep.equal(samples.map((value) => iso.safeParse(value).success));
    expect(z.toJSONSchema(Timestamp)).to.deep.equal(z.toJSONSchema(iso));
  });

  it('accepts a connection and rejects a fifth status', () => {
    expect(Connection.safeParse(connection).success).to.equal(true);
    const bad = Connection.safeParse({ ...connection, status: 'expired' });
    expect(bad.success).to.equal(false);
    expect(bad.error?.issues[0]?.path).to.deep.equal(['status']);
  });

  it('refuses unknown query fields and oversize pages', () => {
    expect(ConnectionListQuery.safeParse({ limit: '100' }).success).to.equal(true);
    expect(ConnectionListQuery.safeParse({ limit: '101' }).success).to.equal(false);
    expect(ConnectionListQuery.safeParse({ colour: 'red' }).success).to.equal(false);
  });

  it('parses the error body with an unknown code from a newer server', () => {
    const body = ErrorBody.parse({ error: { code: 'brand_new', message: 'Something new.' } });
    expect(body.error.code).to.equal('brand_new');
  });

  it('discriminates events by type', () => {
    const event = RelinkEvent.parse({ id: '7', at: '2026-11-01T10:00:00.000Z', type: 'connection.updated', connection });
    expect(event.type === 'connection.updated' && event.connection.id).to.equal('con_slack');
    expect(RelinkEvent.safeParse({ id: '8', at: '2026-11-01T10:00:00.000Z', type: 'run.updated', connection }).success).to.equal(false);
  });
});
