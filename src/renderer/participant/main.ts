/** The phone's page: its own small entry, plain DOM, no framework. */
import { startApp } from './app';
import './participant.css';

const root = document.getElementById('root');
if (root) startApp(root);
