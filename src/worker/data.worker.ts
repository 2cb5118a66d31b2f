/// <reference lib="webworker" />
// The data worker: holds the data set, the plan and the imports in one Engine (engine.ts),
// which the page calls through Comlink; neither parsing nor coverage runs on the main thread.
import { expose } from 'comlink';
import { Engine } from './engine.ts';

expose(new Engine());
