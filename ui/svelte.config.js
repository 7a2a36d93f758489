// Svelte's compiler options, read by vite-plugin-svelte and svelte-check: every component uses
// runes ($state, $derived, $props), TypeScript in <script lang="ts"> as Svelte 5 reads it.
export default {
  compilerOptions: { runes: true },
};
