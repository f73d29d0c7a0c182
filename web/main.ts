import './zod-jitless';
import { AllCommunityModule, ModuleRegistry } from 'ag-grid-community';
import { createPinia } from 'pinia';
import { createApp } from 'vue';
import App from './App.vue';
import { createAppI18n } from './i18n';
import './styles.css';

ModuleRegistry.registerModules([AllCommunityModule]);

createApp(App).use(createPinia()).use(createAppI18n()).mount('#app');
