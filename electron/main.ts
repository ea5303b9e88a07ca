import { startElectronApp } from './lifecycle.js';

void startElectronApp();
