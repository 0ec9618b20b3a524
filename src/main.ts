import './app/spinewise-app.ts';
