import { ApiVersion } from '../modules/about/components/api-version.js';
import './app.css';

export function App() {
  return (
    <div className="app">
      <main className="app__main">
        <h1 className="app__title">Parkeer</h1>
        <p className="app__intro">
          Vraag uw parkeervergunning aan en meld bezoekers aan, gewoon met uw telefoon.
        </p>
      </main>
      <footer className="app__footer">
        <ApiVersion />
      </footer>
    </div>
  );
}
