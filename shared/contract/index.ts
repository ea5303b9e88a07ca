export * from './dto.js';
export * from './envelope.js';
export * from './limits.js';
export * from './methods.js';
export * from './records-dto.js';
