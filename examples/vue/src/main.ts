// Relink in a Vue 3 app: the tags straight in a template (Vue treats `relink-*` as custom elements), the session
// token set as a DOM property (`.prop`), and `@relink-manage` routed in Vue state instead of navigating.
// No SFCs and no @vitejs/plugin-vue: the template is compiled at runtime by Vue's full build, which the example's
// Vite config aliases `vue` to (`vue/dist/vue.esm-bundler.js`).
import { createApp, ref } from 'vue';
import '@relink/elements';
import type { RelinkManageEvent, RelinkNavigateEvent } from '@relink/elements';
// The host's token getter, shared with the demo: its backend mints the token, the browser keeps it in memory.
import { sessionToken } from '../../../demo/src/session.js';

const app = createApp({
  setup() {
    const managing = ref('');
    // Host routing: cancel the link's navigation and show the connection in Vue state.
    const onManage = (event: RelinkManageEvent) => {
      event.preventDefault();
      managing.value = event.detail.connection.app.name;
    };
    // The banner's link goes to the connections list, which is on this page already.
    const onBannerNavigate = (event: RelinkNavigateEvent) => {
      event.preventDefault();
      document.getElementById('connections')?.focus();
    };
    return { token: sessionToken('agency'), managing, onManage, onBannerNavigate };
  },
  template: `
    <relink-provider base-url="/v1" :token.prop="token">
      <header><h1>Northwind Automations · Vue</h1></header>
      <relink-reauth-banner href="/examples/vue/connections" @relink-navigate="onBannerNavigate"></relink-reauth-banner>
      <main>
        <h2 id="connections" tabindex="-1">Connections</h2>
        <p class="managing" role="status">{{ managing ? 'Managing ' + managing : 'Choose a connection to manage.' }}</p>
        <relink-connections-table manage-href="/examples/vue/connections/{id}" @relink-manage="onManage"></relink-connections-table>
      </main>
      <relink-toaster></relink-toaster>
    </relink-provider>
  `,
});
app.config.compilerOptions.isCustomElement = (tag) => tag.startsWith('relink-');
app.mount('#app');
