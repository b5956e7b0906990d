// GraphiQL on /graphql, with the tab's API key (key.js) when the server asks for one.
// A link may carry ?query=…&variables=… (the explorer's "Open in GraphiQL").
import { keyedFetch } from './key.js';

const { React, ReactDOM, GraphiQL } = window;
const params = new URLSearchParams(location.search);

const fetcher = GraphiQL.createFetcher({ url: '/graphql', fetch: keyedFetch });

const logo = React.createElement(
  GraphiQL.Logo,
  null,
  React.createElement('a', { href: '/explore', title: 'Dataflow Atlas explorer' }, 'Dataflow Atlas'));

ReactDOM.createRoot(document.getElementById('graphiql')).render(
  React.createElement(
    GraphiQL,
    {
      fetcher,
      query: params.get('query') ?? undefined,
      variables: params.get('variables') ?? undefined,
      defaultEditorToolsVisibility: params.has('variables'),
    },
    logo));
