// Entry: i18n, the router with code-split routes, and the programme tracker's
// routes mounted from web/src/programme/routes.tsx.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createBrowserRouter, RouterProvider, type RouteObject } from 'react-router-dom';
import './i18n';
import './styles.css';
import Layout from './components/Layout';
import SearchPage from './pages/Search';
import { NotFound, RouteError } from './components/NotFound';
import { programmeRoutes } from './programme/routes';
import { prefetchTaxon } from './api';

const lazyPage = (load: () => Promise<{ default: React.ComponentType }>) => async () => ({ Component: (await load()).default });

const routes: RouteObject[] = [
  {
    path: '/',
    element: <Layout />,
    errorElement: <RouteError />,
    children: [
      { index: true, element: <SearchPage /> },
      { path: 'taxa/:id', loader: ({ params }) => { prefetchTaxon(params.id); return null; }, lazy: lazyPage(() => import('./pages/Taxon')) },
      { path: 'countries', lazy: lazyPage(() => import('./pages/Countries')) },
      { path: 'countries/:iso2', lazy: lazyPage(() => import('./pages/Country')) },
      { path: 'joint-list', lazy: lazyPage(() => import('./pages/JointList')) },
      { path: 'alignment', lazy: lazyPage(() => import('./pages/Alignment')) },
      { path: 'match', lazy: lazyPage(() => import('./pages/Match')) },
      { path: 'about', lazy: lazyPage(() => import('./pages/About')) },
      ...programmeRoutes.map((r) => ({ path: r.path.replace(/^\//, ''), element: r.element })),
      { path: '*', element: <NotFound /> },
    ],
  },
];

const router = createBrowserRouter(routes);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <RouterProvider router={router} />
  </StrictMode>,
);
