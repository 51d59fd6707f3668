import { expect } from '@open-wc/testing';
import * as z from 'zod/mini';
import { Connection, ConnectionListQuery, CreatedConnection, ErrorBody, Notification, RelinkEvent, Run, Timestamp, Url } from '@relink/sdk/schema';

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

  it('Url validates as z.url() does, and documents the same uri', () => {
    const url = z.url();
    const samples = [
      'https://idp.example/authorize?client_id=x&state=y', 'http://127.0.0.1:4000/connect/cs_1', ' https://example.com/a ', 'mailto:a@example.com',
      'https:example.com', 'https://exa mple.com', 'https://', '/relative/path', 'example.com', '', 'not a url', 'http://[::1]:80/',
    ];
    expect(samples.map((value) => Url.safeParse(value).success)).to.deep.equal(samples.map((value) => url.safeParse(value).success));
    expect(samples.map((value) => Url.safeParse(value).success)).to.include(false).and.to.include(true);
    expect(z.toJSONSchema(Url)).to.deep.equal(z.toJSONSchema(url));
  });

  it('accepts a connection and rejects a fifth status', () => {
    expect(Connection.safeParse(connection).success).to.equal(true);
    const bad = Connection.safeParse({ ...connection, status: 'expired' });
    expect(bad.success).to.equal(false);
    expect(bad.error?.issues[0]?.path).to.deep.equal(['status']);
  });

  it('failed work (issue 16.4): a run_failed names its workflow and whether the run retries after reconnect; a run says why it failed', () => {
    const notification = {
      id: 'ntf_1', kind: 'run_failed', severity: 'warning', title: 'Publish scheduled LinkedIn posts failed', appName: 'LinkedIn',
      connectionId: 'con_linkedin', runId: 'run_1', workflowName: 'Publish scheduled LinkedIn posts', retry: 'after_reconnect',
      read: false, createdAt: '2026-11-01T10:00:00.000Z',
    };
    expect(Notification.parse(notification)).to.deep.equal(notification);
    expect(Notification.safeParse({ ...notification, retry: 'later' }).error?.issues[0]?.path).to.deep.equal(['retry']);
    const run = {
      id: 'run_1', workflowId: 'wf_linkedin_posts', workflowName: 'Publish scheduled LinkedIn posts', kind: 'agent', status: 'failed',
      connectionIds: ['con_linkedin'], retryAfterReconnect: true, retry: 'retried', retriedBy: 'run_2',
      error: { code: 'connection_not_active', message: 'LinkedIn (Northwind company page) needs to be reconnected.', connectionId: 'con_linkedin' },
      startedAt: '2026-11-01T10:00:00.000Z', updatedAt: '2026-11-01T10:00:00.000Z',
    };
    expect(Run.parse(run)).to.deep.equal(run);
    expect(Run.safeParse({ ...run, retryAfterReconnect: 'yes' }).success).to.equal(false);
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
    expect(RelinkEvent.safeParse({ id: '9', at: '2026-11-01T10:00:00.000Z', type: 'connection.renamed', connection }).success).to.equal(false);
  });

  it('tells a created connection from a consent flow by type', () => {
    expect(CreatedConnection.parse({ type: 'connection', connection }).type).to.equal('connection');
    expect(CreatedConnection.safeParse({ type: 'consent', connection }).success).to.equal(false);
  });
});
