export { default } from './list';
