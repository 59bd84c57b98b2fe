export * from './enums';
export * from './auth';
export * from './boards';
export * from './listings';
export * from './profiles';
export * from './applications';
export * from './time';
export * from './rates';
