import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@refinedev/antd/dist/reset.css';
import './styles.css';
import App from './App';

const container = document.getElementById('root');
if (!container) throw new Error('AdvisorDesk: the #root element is missing from index.html');

createRoot(container).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
