/** The explorer page; every script comes from this server (see graphql-explorer.middleware). */
export function explorerHtml(graphqlPath: string): string {
  const assets = `${graphqlPath}/explorer`;
  return `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8" />
  <title>CSMS GraphQL explorer</title>
  <link rel="stylesheet" href="${assets}/graphiql.css" />
  <style>html, body, #explorer { height: 100%; margin: 0; }</style>
</head>
<body>
  <div id="explorer">Loading the GraphQL explorer…</div>
  <script src="${assets}/react.js"></script>
  <script src="${assets}/react-dom.js"></script>
  <script src="${assets}/graphql-ws.js"></script>
  <script src="${assets}/graphiql.js"></script>
  <script>
    const url = new URL(${JSON.stringify(graphqlPath)}, window.location.href);
    const wsUrl = url.href.replace(/^http/, 'ws');
    const headersOf = () => {
      try { return JSON.parse(localStorage.getItem('graphiql:headers') || '{}'); } catch { return {}; }
    };
    const fetcher = GraphiQL.createFetcher({
      url: url.href,
      wsClient: graphqlWs.createClient({
        url: wsUrl,
        lazy: true,
        connectionParams: () => ({ authorization: headersOf().Authorization || headersOf().authorization }),
      }),
    });
    ReactDOM.createRoot(document.getElementById('explorer')).render(
      React.createElement(GraphiQL, {
        fetcher,
        defaultEditorToolsVisibility: true,
        defaultHeaders: '{\\n  "Authorization": "Bearer <token from the login mutation>"\\n}',
        defaultQuery: 'mutation Login {\\n  login(email: "admin@example.com", password: "Admin123!") { token }\\n}\\n',
      }),
    );
  </script>
</body>
</html>
`;
}
