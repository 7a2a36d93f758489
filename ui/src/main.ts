// Starts the UI: the app's shell with the Tauri backend in its context (pages take it from there).
import "./styles.css";
import { mount } from "svelte";
import App from "./App.svelte";
import { tauriBackend } from "./api/tauriBackend";
import { BACKEND_KEY } from "./lib/backend";

const target = document.getElementById("root");
if (!target) throw new Error("index.html has no #root");
mount(App, { target, context: new Map([[BACKEND_KEY, tauriBackend]]) });
