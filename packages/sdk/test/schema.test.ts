import { expect } from '@open-wc/testing';
import { Connection, ConnectionListQuery, ErrorBody, RelinkEvent } from '@relink/sdk/schema';

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
